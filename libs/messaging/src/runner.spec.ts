import type { EachBatchPayload, Kafka } from 'kafkajs';
import { createLogger } from '@marsad/observability';
import { ConsumerRunner, chunkMessages, type BatchHandler } from './runner';
import type { InboundMessage } from './message';
import type { DlqInput, DlqWriter } from './dlq';

const quiet = createLogger('test', 'error', {}, () => undefined);

function fakeKafka() {
  const state = {
    run: undefined as
      undefined | { eachBatch: (p: EachBatchPayload) => Promise<void>; autoCommit?: boolean; eachBatchAutoResolve?: boolean },
    paused: [] as unknown[],
    resumed: [] as unknown[],
  };
  const consumer = {
    events: { GROUP_JOIN: 'join', CRASH: 'crash' },
    on: () => undefined,
    connect: async () => undefined,
    subscribe: async () => undefined,
    run: async (cfg: typeof state.run) => {
      state.run = cfg;
    },
    pause: (tp: unknown) => state.paused.push(tp),
    resume: (tp: unknown) => state.resumed.push(tp),
    disconnect: async () => undefined,
  };
  return { kafka: { consumer: () => consumer } as unknown as Kafka, state };
}

function payload(offsets: number[], log: string[]) {
  return {
    batch: {
      topic: 't',
      partition: 1,
      messages: offsets.map((o) => ({
        offset: String(o),
        key: Buffer.from(`k${o}`),
        value: Buffer.from(`{"n":${o}}`),
        headers: {},
        timestamp: '0',
      })),
    },
    resolveOffset: (o: string) => log.push(`resolve ${o}`),
    commitOffsetsIfNecessary: async (offs?: { topics: { partitions: { offset: string }[] }[] }) => {
      log.push(`commit ${offs?.topics[0].partitions[0].offset}`);
    },
    heartbeat: async () => undefined,
    isRunning: () => true,
    isStale: () => false,
    pause: () => () => undefined,
    uncommittedOffsets: () => ({ topics: [] }),
  } as unknown as EachBatchPayload;
}

function fakeDlq(log: string[], fail = false) {
  return {
    write: async (items: DlqInput[]) => {
      if (fail) throw new Error('kafka down');
      for (const i of items) log.push(`dlq ${i.message.offset} ${i.error}`);
      return [];
    },
  } as unknown as DlqWriter;
}

async function runnerWith(
  handler: BatchHandler,
  log: string[],
  opts: { failDlq?: boolean; maxBatchSize?: number; maxBatchBytes?: number } = {},
) {
  const { kafka, state } = fakeKafka();
  const runner = new ConsumerRunner({
    kafka,
    groupId: 'g',
    topics: ['t'],
    stage: 'enrich',
    handler,
    dlq: fakeDlq(log, opts.failDlq),
    logger: quiet,
    maxBatchSize: opts.maxBatchSize ?? 2,
    maxBatchBytes: opts.maxBatchBytes,
    retry: { attempts: 2, initialMs: 1, maxMs: 2 },
    pause: { initialMs: 60_000, maxMs: 60_000 },
  });
  await runner.start();
  return { runner, state };
}

describe('ConsumerRunner', () => {
  it('runs kafkajs with autoCommit and auto-resolve off', async () => {
    const { state, runner } = await runnerWith(async () => undefined, []);
    expect(state.run).toMatchObject({ autoCommit: false, eachBatchAutoResolve: false });
    await runner.stop();
  });

  it('commits each chunk after the side effect and the DLQ writes, in that order', async () => {
    const log: string[] = [];
    const { state, runner } = await runnerWith(async (msgs) => {
      log.push(`effect ${msgs.map((m) => m.offset).join(',')}`);
      return { dlq: msgs.filter((m) => m.offset === '11').map((m) => ({ message: m, error: 'bad' })) };
    }, log);
    await state.run!.eachBatch(payload([10, 11, 12], log));
    expect(log).toEqual(['effect 10,11', 'dlq 11 bad', 'resolve 11', 'commit 12', 'effect 12', 'resolve 12', 'commit 13']);
    await runner.stop();
  });

  it('retries a throwing handler, then pauses the partition without resolving or committing', async () => {
    const log: string[] = [];
    let calls = 0;
    const { state, runner } = await runnerWith(async () => {
      calls++;
      throw new Error('ES down');
    }, log);
    await state.run!.eachBatch(payload([5, 6], log));
    expect(calls).toBe(2);
    expect(log).toEqual([]);
    expect(state.paused).toEqual([[{ topic: 't', partitions: [1] }]]);
    expect(runner.status().paused).toMatchObject([{ topic: 't', partition: 1, pauses: 1, error: 'ES down' }]);
    await runner.stop();
  });

  it('does not commit when the DLQ write fails', async () => {
    const log: string[] = [];
    const { state, runner } = await runnerWith(async (msgs) => ({ dlq: [{ message: msgs[0], error: 'bad' }] }), log, { failDlq: true });
    await state.run!.eachBatch(payload([1], log));
    expect(log).toEqual([]);
    expect(state.paused).toHaveLength(1);
    await runner.stop();
  });

  it('recovers after a transient failure within the retries', async () => {
    const log: string[] = [];
    let calls = 0;
    const { state, runner } = await runnerWith(async () => {
      if (++calls === 1) throw new Error('blip');
      log.push('effect');
    }, log);
    await state.run!.eachBatch(payload([7], log));
    expect(log).toEqual(['effect', 'resolve 7', 'commit 8']);
    expect(state.paused).toHaveLength(0);
    await runner.stop();
  });

  it('cuts chunks by bytes too (maxBatchBytes) and commits each after its side effect', async () => {
    const log: string[] = [];
    // each message: key `k1x` (3 bytes) + value `{"n":1x}` (8 bytes) = 11 bytes
    const { state, runner } = await runnerWith(
      async (msgs) => {
        log.push(`effect ${msgs.map((m) => m.offset).join(',')}`);
      },
      log,
      { maxBatchSize: 10, maxBatchBytes: 25 },
    );
    await state.run!.eachBatch(payload([10, 11, 12, 13, 14], log));
    expect(log).toEqual([
      'effect 10,11',
      'resolve 11',
      'commit 12',
      'effect 12,13',
      'resolve 13',
      'commit 14',
      'effect 14',
      'resolve 14',
      'commit 15',
    ]);
    await runner.stop();
  });
});

describe('chunkMessages', () => {
  const msg = (offset: number, bytes: number): InboundMessage => ({
    topic: 't',
    partition: 0,
    offset: String(offset),
    key: null,
    value: Buffer.alloc(bytes),
    headers: {},
    timestamp: '0',
  });
  const offsets = (chunks: InboundMessage[][]) => chunks.map((c) => c.map((m) => Number(m.offset)));

  it('ends a chunk at the count or the byte bound, whichever comes first, keeping offset order', () => {
    const ms = [msg(0, 10), msg(1, 10), msg(2, 10), msg(3, 30), msg(4, 1), msg(5, 1), msg(6, 1)];
    expect(offsets(chunkMessages(ms, 2))).toEqual([[0, 1], [2, 3], [4, 5], [6]]);
    expect(offsets(chunkMessages(ms, 100, 25))).toEqual([[0, 1], [2], [3], [4, 5, 6]]);
    expect(offsets(chunkMessages(ms, 2, 25))).toEqual([[0, 1], [2], [3], [4, 5], [6]]);
  });

  it('gives a message larger than the byte bound a chunk of its own, and never an empty chunk', () => {
    expect(offsets(chunkMessages([msg(0, 100), msg(1, 5)], 10, 50))).toEqual([[0], [1]]);
    expect(chunkMessages([], 10, 50)).toEqual([]);
    expect(offsets(chunkMessages([msg(0, 1), msg(1, 1)], 0))).toEqual([[0], [1]]);
  });
});
