import type { Kafka, Producer } from 'kafkajs';
import { Publisher } from './publisher';

// Pure connect bookkeeping, with a stand-in producer (the send path is covered on the real broker by
// the e2e suites and test:faults).
function publisherWith(connect: () => Promise<void>) {
  const producer = { connect: jest.fn(connect), disconnect: jest.fn(async () => undefined) } as unknown as Producer;
  const kafka = { producer: () => producer } as unknown as Kafka;
  return {
    publisher: new Publisher(kafka, { logger: { debug() {}, info() {}, warn() {}, error() {} } as never }),
    producer: producer as unknown as { connect: jest.Mock },
  };
}

describe('Publisher.connect', () => {
  it('shares one producer.connect between concurrent callers', async () => {
    let release!: () => void;
    const { publisher, producer } = publisherWith(() => new Promise<void>((r) => (release = r)));
    const a = publisher.connect();
    const b = publisher.connect();
    release();
    await Promise.all([a, b]);
    await publisher.connect();
    expect(producer.connect).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed connect', async () => {
    let fail = true;
    const { publisher, producer } = publisherWith(async () => {
      if (fail) throw new Error('broker down');
    });
    await expect(publisher.connect()).rejects.toThrow('broker down');
    fail = false;
    await publisher.connect();
    expect(producer.connect).toHaveBeenCalledTimes(2);
  });
});
