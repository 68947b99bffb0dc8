import type { Watch } from '@marsad/contracts';
import { decideAlert, decideAlerts, type AlertStateRepository, type DecideCandidate } from './decide';

/** The repository's contract in memory (the alerter's is Redis; alerting e2e covers that one). */
class MemoryState implements AlertStateRepository {
  stories = new Map<string, string>();
  throttle = new Map<string, Set<string>>();
  digests = new Map<string, Map<string, string>>();
  closed = new Set<string>();
  marked = new Set<string>();
  async decided(ids: string[]) {
    return ids.map((id) => this.marked.has(id));
  }
  async markDecided(ids: string[]) {
    for (const id of ids) this.marked.add(id);
  }
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

describe('decideAlerts (a chunk at once)', () => {
  const cand = (w: Watch | undefined, alertId: string, clusterId?: string, built?: string[]): DecideCandidate => ({
    watch: w,
    alert: { alertId, watchId: 'w1', ...(clusterId ? { clusterId } : {}) },
    filed: () => {
      built?.push(alertId);
      return `"${alertId}"`;
    },
  });

  it('decides in chunk order: the first alert of a story in the chunk claims it, the later ones are suppressed', async () => {
    const s = new MemoryState();
    const w = watch();
    const out = await decideAlerts([cand(w, 'a1', 'c1'), cand(w, 'a2', 'c1'), cand(w, 'a3', 'c2'), cand(w, 'a4')], s, T0);
    expect(out.map((o) => [o.candidate.alert.alertId, o.decision.action])).toEqual([
      ['a1', 'send'],
      ['a2', 'suppress'],
      ['a3', 'send'],
      ['a4', 'send'],
    ]);
    expect(out[1].decision).toEqual({ action: 'suppress', reason: 'duplicate_story', firstAlertId: 'a1' });
  });

  it('leaves out alerts already marked decided (a redelivered chunk decides nothing again)', async () => {
    const s = new MemoryState();
    const w = watch({ throttle: { max: 1, perMinutes: 10 } } as Partial<Watch>);
    const chunk = [cand(w, 'a1'), cand(w, 'a2')];
    const first = await decideAlerts(chunk, s, T0);
    expect(first.map((o) => o.decision.action)).toEqual(['send', 'digest']);
    await s.markDecided(first.map((o) => o.candidate.alert.alertId));
    expect(await decideAlerts(chunk, s, T0)).toEqual([]);
    // Only the new alert of a partly redelivered chunk is decided.
    const next = await decideAlerts([...chunk, cand(w, 'a3')], s, T0);
    expect(next.map((o) => [o.candidate.alert.alertId, o.decision.action])).toEqual([['a3', 'digest']]);
  });

  it('re-deciding an alert that was not marked (crash before the mark) gives the same decision', async () => {
    const s = new MemoryState();
    const w = watch({ throttle: { max: 1, perMinutes: 10 } } as Partial<Watch>);
    const a = await decideAlerts([cand(w, 'a1', 'c1'), cand(w, 'a2', 'c1'), cand(w, 'a3', 'c3')], s, T0);
    const b = await decideAlerts([cand(w, 'a1', 'c1'), cand(w, 'a2', 'c1'), cand(w, 'a3', 'c3')], s, T0);
    expect(b.map((o) => o.decision)).toEqual(a.map((o) => o.decision));
    expect(a.map((o) => o.decision.action)).toEqual(['send', 'suppress', 'digest']);
  });

  it('builds what a digest files only for digest and throttled alerts that fold', async () => {
    const s = new MemoryState();
    const built: string[] = [];
    const plain = watch();
    const digest = watch({ digest: { everyMinutes: 60 } } as Partial<Watch>);
    await decideAlerts([cand(plain, 'p1', 'c1', built), cand(plain, 'p2', 'c1', built), cand(digest, 'd1', undefined, built)], s, T0);
    expect(built).toEqual(['d1']);
  });
});
