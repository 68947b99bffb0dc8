import { z } from 'zod';
import { TOPIC, type Names, type TopicKey } from '@marsad/contracts';
import { ValidationFailed } from '../http/errors';

/** Services whose consumer groups an operator may address by short name. */
const SERVICES = ['enricher', 'indexer', 'alerter'] as const;

export const SkipBodySchema = z
  .object({
    offset: z
      .union([z.string(), z.number().int().nonnegative()])
      .transform(String)
      .pipe(z.string().regex(/^\d+$/, 'must be a non-negative integer')),
    reason: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
  })
  .strict();

export interface SkipTarget {
  groupId: string;
  topic: string;
  partition: number;
  offset: string;
  reason?: string;
}

/**
 * Path + body of `POST /v1/consumers/:group/partitions/:topic/:partition/skip` → the request.
 * `group` is a service name (`enricher`) or the full group id; `topic` a contract key
 * (`articlesRaw`), a topic name without namespace (`marsad.articles.raw`) or the full name.
 */
export function parseSkip(names: Names, group: string, topic: string, partition: string, body: unknown): SkipTarget {
  const groups = SERVICES.map((s) => names.consumerGroup(s));
  const groupId = (SERVICES as readonly string[]).includes(group) ? names.consumerGroup(group) : group;
  if (!groups.includes(groupId))
    throw ValidationFailed.field('group', `unknown consumer group "${group}": one of ${[...SERVICES, ...groups].join(', ')}`);
  const keys = Object.keys(TOPIC) as TopicKey[];
  const key = keys.find((k) => k === topic || TOPIC[k] === topic || names.topic(k) === topic);
  if (!key) throw ValidationFailed.field('topic', `unknown topic "${topic}": one of ${keys.map((k) => names.topic(k)).join(', ')}`);
  if (!/^\d{1,6}$/.test(partition)) throw ValidationFailed.field('partition', 'must be a non-negative integer');
  const b = SkipBodySchema.safeParse(body ?? {});
  if (!b.success) throw ValidationFailed.fromZod(b.error);
  return {
    groupId,
    topic: names.topic(key),
    partition: Number(partition),
    offset: b.data.offset,
    ...(b.data.reason ? { reason: b.data.reason } : {}),
  };
}
