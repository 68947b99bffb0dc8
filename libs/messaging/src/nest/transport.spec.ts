import { throwError } from 'rxjs';
import { names } from '@marsad/contracts';
import type { TopicKey } from '@marsad/contracts';
import type { BatchHandler, HandlerContext } from '../runner';
import { KafkaBatchContext, KafkaConsumerTransport, bindRunners } from './index';

const ctx: HandlerContext = {
  topic: 't',
  partition: 0,
  attempt: 1,
  heartbeat: async () => undefined,
  signal: new AbortController().signal,
};

function listen(t: KafkaConsumerTransport): Promise<unknown> {
  return new Promise((resolve) => t.listen((err?: unknown) => resolve(err)));
}

describe('KafkaConsumerTransport', () => {
  it('binds each @EventPattern topic key to a batch handler that returns the HandlerResult', async () => {
    const bound = new Map<TopicKey, BatchHandler>();
    const t = new KafkaConsumerTransport((key, h) => bound.set(key, h));
    t.addHandler(
      'articlesRaw',
      async (messages: unknown[], c: KafkaBatchContext) => ({ dlq: [], n: messages.length, p: c.handler.partition }),
      true,
    );
    expect(await listen(t)).toBeUndefined();
    expect(await bound.get('articlesRaw')!([], ctx)).toEqual({ dlq: [], n: 0, p: 0 });
  });

  it('rethrows a failure (also when Nest turned it into an erroring Observable), so nothing is committed', async () => {
    const bound = new Map<TopicKey, BatchHandler>();
    const t = new KafkaConsumerTransport((key, h) => bound.set(key, h));
    t.addHandler('articlesEnriched', async () => throwError(() => new Error('es down')), true);
    await listen(t);
    await expect(bound.get('articlesEnriched')!([], ctx)).rejects.toThrow('es down');
  });

  it('refuses a pattern that is not a topic key, and a key the service does not consume', async () => {
    const t = new KafkaConsumerTransport(() => undefined);
    t.addHandler('marsad.articles.raw', async () => undefined, true);
    expect(String(await listen(t))).toMatch(/is not a topic key: use one of articlesRaw/);
    const bind = bindRunners(names('n1'), [{ topics: ['n1.marsad.articles.raw'], setHandler: () => undefined } as never]);
    expect(() => bind('articlesEnriched', async () => undefined)).toThrow(/consumes no n1\.marsad\.articles\.enriched/);
  });
});
