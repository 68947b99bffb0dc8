import type { Watch } from '@marsad/contracts';
import { decideAlert, type AlertStateRepository } from './decide';

/** The repository's contract in memory (the alerter's is Redis; alerting e2e covers that one). */
class MemoryState implements AlertStateRepository {
  stories = new Map<string, string>();
  throttle = new Map<string, Set<string>>();
  digests = new Map<string, Map<string, string>>();
  closed = new Set<string>();
  async claimStory(w: string, c: string, a: string) {
    const k = `${w}/${c}`;
    if (!this.stories.has(k)) this.stories.set(k, a);
    return this.stories.get(k)!;
  }
  async addToThrottleWindow(w: string, s: string, a: string) {
    const set = this.throttle.get(`${w}/${s}`) ?? new Set<string>();
    set.add(a);
    this.throttle.set(`${w}/${s}`, set);
    return set.size;
  }
  async removeFromThrottleWindow(w: string, s: string, a: string) {
    this.throttle.get(`${w}/${s}`)?.delete(a);
  }
  async fileInDigest(w: string, s: string, field: string, value: string) {
    const k = `${w}/${s}`;
    if (this.closed.has(k)) return false;
    const m = this.digests.get(k) ?? new Map<string, string>();
    if (!m.has(field)) m.set(field, value);
    this.digests.set(k, m);
    return true;
  }
  async closeDigest(w: string, s: string) {
    this.closed.add(`${w}/${s}`);
    return [...(this.digests.get(`${w}/${s}`)?.values() ?? [])];
  }
}

const watch = (extra: Partial<Watch> = {}): Watch =>
  ({
    id: 'w1',
    name: 'W',
    enabled: true,
    actors: ['org:x'],
    channels: [{ type: 'webhook', url: 'https://h.example/', secret: 's' }],
    ...extra,
  }) as Watch;
const T0 = Date.parse('2026-12-07T10:00:30Z');

describe('decideAlert (alert rules, no Redis)', () => {
  it('skips a deleted or disabled watch', async () => {
    const s = new MemoryState();
    expect(await decideAlert(undefined, { alertId: 'a1', watchId: 'w1' }, '{}', s, T0)).toEqual({
      action: 'skip',
      reason: 'watch deleted or disabled',
    });
    expect((await decideAlert(watch({ enabled: false }), { alertId: 'a1', watchId: 'w1' }, '{}', s, T0)).action).toBe('skip');
  });

  it('sends the first alert of a story and suppresses its near-duplicates; a retried first alert is still sent', async () => {
    const s = new MemoryState();
    const w = watch();
    expect(await decideAlert(w, { alertId: 'a1', watchId: 'w1', clusterId: 'c1' }, '{}', s, T0)).toEqual({ action: 'send' });
    expect(await decideAlert(w, { alertId: 'a1', watchId: 'w1', clusterId: 'c1' }, '{}', s, T0)).toEqual({ action: 'send' });
    expect(await decideAlert(w, { alertId: 'a2', watchId: 'w1', clusterId: 'c1' }, '{}', s, T0)).toEqual({
      action: 'suppress',
      reason: 'duplicate_story',
      firstAlertId: 'a1',
    });
    expect(await decideAlert(w, { alertId: 'a3', watchId: 'w1', clusterId: 'c2' }, '{}', s, T0)).toEqual({ action: 'send' });
  });

  it('throttles: up to max per window are sent, the rest fold into that window’s digest (never dropped)', async () => {
    const s = new MemoryState();
    const w = watch({ throttle: { max: 2, perMinutes: 10 } } as Partial<Watch>);
    const out = [];
    for (const id of ['a1', 'a2', 'a3', 'a4']) out.push(await decideAlert(w, { alertId: id, watchId: 'w1' }, `"${id}"`, s, T0));
    expect(out.map((d) => d.action)).toEqual(['send', 'send', 'digest', 'digest']);
    const d = out[2] as Extract<(typeof out)[number], { action: 'digest' }>;
    expect(d.reason).toBe('throttle');
    expect(d.window).toEqual({ start: '2026-12-07T10:00:00.000Z', end: '2026-12-07T10:10:00.000Z' });
    expect(d.closeAt).toBe(Date.parse(d.window.end) + 250);
    // A retried send inside the limit counts once.
    expect((await decideAlert(w, { alertId: 'a1', watchId: 'w1' }, '"a1"', s, T0)).action).toBe('send');
    expect(await s.closeDigest('w1', d.window.start)).toEqual(['"a3"', '"a4"']);
  });

  it('digest watches file one entry per story; a closed window sends late alerts to the next one', async () => {
    const s = new MemoryState();
    const w = watch({ digest: { everyMinutes: 60 } } as Partial<Watch>);
    const first = await decideAlert(w, { alertId: 'a1', watchId: 'w1' }, '"a1"', s, T0);
    expect(first).toMatchObject({ action: 'digest', reason: 'digest', window: { start: '2026-12-07T10:00:00.000Z' } });
    await s.closeDigest('w1', '2026-12-07T10:00:00.000Z');
    const late = await decideAlert(w, { alertId: 'a2', watchId: 'w1' }, '"a2"', s, T0);
    expect(late).toMatchObject({ action: 'digest', window: { start: '2026-12-07T11:00:00.000Z', end: '2026-12-07T12:00:00.000Z' } });
    expect((late as { digestId: string }).digestId).not.toBe((first as { digestId: string }).digestId);
  });
});
