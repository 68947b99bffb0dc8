import type { Consumer, Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';

export interface Collected {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
}

/** Reads a topic from the beginning into an array (own throw-away group), for assertions. */
export async function collectTopic(kafka: Kafka, topic: string): Promise<{ messages: Collected[]; stop(): Promise<void> }> {
  const consumer: Consumer = kafka.consumer({ groupId: `test-collect-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 200 });
  const messages: Collected[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      messages.push({
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value?.toString('utf8') ?? null,
      });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}

/** Committed offset per partition of a group (-1 = none), and the topic's high watermarks. */
export async function groupProgress(
  kafka: Kafka,
  groupId: string,
  topic: string,
): Promise<{ committed: Record<number, bigint>; high: Record<number, bigint> }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offs] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed: Record<number, bigint> = {};
    for (const p of offs?.partitions ?? []) committed[p.partition] = BigInt(p.offset);
    const high: Record<number, bigint> = {};
    for (const p of await admin.fetchTopicOffsets(topic)) high[p.partition] = BigInt(p.high);
    return { committed, high };
  } finally {
    await admin.disconnect();
  }
}
