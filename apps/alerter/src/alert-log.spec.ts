import type { Client } from '@elastic/elasticsearch';
import { createLogger } from '@marsad/observability';
import { AlertLog, type AlertLogEntry } from './alert-log';

const entry = (jobId: string, attempt = 1): AlertLogEntry => ({
  alertId: jobId,
  jobId,
  watchId: 'w',
  watchName: 'W',
  kind: 'alert',
  channel: 'webhook',
  status: 'delivered',
  attempt,
  maxAttempts: 3,
  attemptedAt: '2026-12-07T00:00:00.000Z',
});

/** Just enough of the ES client: `indices.exists` and `bulk`, recording the bulk bodies. */
function fakeEs(answer: (ops: unknown[]) => unknown = () => ({ errors: false, items: [] })) {
  const bulks: unknown[][] = [];
  const es = {
    indices: { exists: async () => true, putMapping: async () => ({}) },
    bulk: async (req: { operations: unknown[] }) => {
      bulks.push(req.operations);
      return answer(req.operations);
    },
  };
  return { es: es as unknown as Client, bulks };
}

describe('AlertLog: entries written in _bulk requests', () => {
  const logger = createLogger('test', 'error');

  it('gathers concurrent entries into one _bulk with idempotent ids, and record() resolves once written', async () => {
    const { es, bulks } = fakeEs();
    const log = new AlertLog(es, 'alerts', logger, undefined, { lingerMs: 20 });
    await Promise.all([log.record(entry('a')), log.record(entry('b', 2)), log.record({ ...entry('c'), retryRound: 1 })]);
    expect(bulks).toHaveLength(1);
    expect(bulks[0].filter((_, i) => i % 2 === 0)).toEqual([
      { index: { _index: 'alerts', _id: 'a-a1' } },
      { index: { _index: 'alerts', _id: 'b-a2' } },
      { index: { _index: 'alerts', _id: 'c-r1-a1' } },
    ]);
  });

  it('enqueue() resolves once written, without a timer of its own; over maxPending it counts and resolves at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const bulks: unknown[][] = [];
    const es = {
      indices: { exists: async () => true, putMapping: async () => ({}) },
      bulk: async (req: { operations: unknown[] }) => {
        bulks.push(req.operations);
        await gate;
        return { errors: false, items: [] };
      },
    } as unknown as Client;
    let errors = 0;
    const log = new AlertLog(es, 'alerts', logger, () => errors++, { lingerMs: 1, maxPending: 2 });
    let written = false;
    const first = log.enqueue(entry('a')).then(() => (written = true));
    await new Promise((r) => setTimeout(r, 20)); // 'a' is in flight, held by the gate
    expect(bulks).toHaveLength(1);
    expect(written).toBe(false);
    // 'a' left the pending list for its request: 'b' and 'c' fill it, 'd' is one too many.
    void log.enqueue(entry('b'));
    void log.enqueue(entry('c'));
    await log.enqueue(entry('d')); // resolves at once, counted
    expect(errors).toBe(1);
    release();
    await first;
    expect(written).toBe(true);
  });

  it('splits at maxBatch, one request in flight', async () => {
    const { es, bulks } = fakeEs();
    const log = new AlertLog(es, 'alerts', logger, undefined, { lingerMs: 5, maxBatch: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => log.record(entry(id))));
    expect(bulks.map((b) => b.length / 2)).toEqual([2, 2, 1]);
  });

  it('counts each entry ES refused, and every entry of a failed request, without throwing', async () => {
    let errors = 0;
    const refused = fakeEs(() => ({
      errors: true,
      items: [{ index: { _id: 'b-a1', error: { type: 'mapper_parsing_exception', reason: 'bad' } } }],
    }));
    await Promise.all(
      ['a', 'b'].map((id) => new AlertLog(refused.es, 'alerts', logger, () => errors++, { lingerMs: 1 }).record(entry(id))),
    );
    expect(errors).toBe(1);
    errors = 0;
    const down = fakeEs(() => {
      throw new Error('connect ECONNREFUSED');
    });
    const log = new AlertLog(down.es, 'alerts', logger, () => errors++, { lingerMs: 1 });
    await Promise.all([log.record(entry('a')), log.record(entry('b'))]);
    expect(errors).toBe(2);
  });
});
