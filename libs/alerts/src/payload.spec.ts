import { alertId, type EnrichedArticle } from '@marsad/contracts';
import { buildWebhookPayload, serializePayload, webhookBodies, webhookBodyParts } from './payload';
import { renderAlertEmail } from './email';
import {
  ALERT_JOB_NAMES,
  assertHandlers,
  isPackedBatch,
  packWebhookBatch,
  unpackedDelivery,
  unpackWebhookBatch,
  type PackableDelivery,
  type PackedArticle,
} from './jobs';
import { jitteredBackoffDelay } from './backoff';

const article: EnrichedArticle = {
  schemaVersion: 1,
  id: 'art1',
  url: 'https://example.com/a',
  source: { name: 'Example', domain: 'example.com' },
  title: 'Kaspersky <b>warns</b>',
  body: 'body',
  language: 'en',
  publishedAt: '2026-11-30T10:00:00Z',
  languageDetection: { code: 'en', confidence: 1, extractor: 't' },
  actors: [],
  claims: [
    {
      speaker: { actorId: 'org:kaspersky-lab', name: 'Kaspersky', text: 'Kaspersky' },
      verb: 'said',
      text: 'we are safe',
      start: 0,
      end: 11,
      quoted: false,
    },
    { speaker: { name: 'Someone', text: 'Someone' }, verb: 'said', text: 'other', start: 20, end: 25, quoted: false },
  ],
  dedup: { fingerprint: 'f', clusterId: 'c' },
  enrichedAt: '2026-11-30T10:00:01Z',
  enrichmentVersion: 'v',
  metadata: { internal: true },
};

describe('buildWebhookPayload', () => {
  it('has exactly the documented shape', () => {
    const p = buildWebhookPayload(
      { id: 'w1', name: 'Kaspersky' },
      article,
      { actors: [{ id: 'org:kaspersky-lab', name: 'Kaspersky Lab', mentions: 2 }], terms: ['breach'] },
      new Date('2026-11-30T10:00:05Z'),
    );
    expect(Object.keys(p).sort()).toEqual(['alertId', 'article', 'claims', 'firedAt', 'matched', 'watch']);
    expect(p).toEqual({
      alertId: alertId('w1', 'art1'),
      watch: { id: 'w1', name: 'Kaspersky' },
      article: {
        id: 'art1',
        url: 'https://example.com/a',
        title: 'Kaspersky <b>warns</b>',
        language: 'en',
        publishedAt: '2026-11-30T10:00:00Z',
        source: { name: 'Example', domain: 'example.com' },
      },
      matched: { actors: [{ id: 'org:kaspersky-lab', name: 'Kaspersky Lab' }], terms: ['breach'] },
      claims: [article.claims[0]],
      firedAt: '2026-11-30T10:00:05.000Z',
    });
    expect(p.alertId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('webhookBodies: the same bytes as serialising the built payload, for every kind of match', () => {
    const claim = (actorId: string | undefined, actorIds: string[] | undefined, text: string) => ({
      speaker: { ...(actorId ? { actorId } : {}), name: 'S "q"', text: 'S' },
      verb: 'قال',
      text,
      start: 0,
      end: 1,
      quoted: true,
      ...(actorIds ? { actorIds } : {}),
    });
    const many: EnrichedArticle = {
      ...article,
      title: undefined,
      publishedAt: undefined,
      claims: Array.from({ length: 30 }, (_, i) =>
        claim(i % 3 === 0 ? 'org:a' : undefined, i % 4 === 0 ? ['org:b', 'per:c'] : undefined, `claim ${i} \u2028 "x"`),
      ),
    };
    const matches = [
      { actors: [], terms: ['breach', 'كاسبرسكي'] },
      { actors: [{ id: 'org:a', name: 'A', mentions: 1 }], terms: [] },
      {
        actors: [
          { id: 'per:c', name: 'C', mentions: 3 },
          { id: 'org:a', name: 'A', mentions: 1 },
        ],
        terms: ['x'],
      },
      {
        actors: [
          { id: 'org:a', name: 'A', mentions: 1 },
          { id: 'per:c', name: 'C', mentions: 3 },
        ],
        terms: ['x'],
      },
      { actors: [{ id: 'org:zzz', name: 'Z', mentions: 1 }], terms: [] },
      { actors: [], terms: [] },
    ];
    for (const a of [article, many, { ...article, claims: undefined } as unknown as EnrichedArticle]) {
      const bodies = webhookBodies(a);
      for (const [i, m] of matches.entries()) {
        const watch = { id: `w${i}`, name: `Watch "${i}" \\ é` };
        const at = new Date(Date.UTC(2026, 11, 7, 10, 0, i));
        const expected = serializePayload(buildWebhookPayload(watch, a, m, at));
        expect(bodies(watch, m, at)).toBe(expected);
        expect(bodies(watch, m, at.toISOString(), alertId(watch.id, a.id))).toBe(expected); // twice: from the caches
      }
    }
  });

  it('packed send-webhooks batches: each article and claims block once, and the same deliveries once unpacked', () => {
    const other: EnrichedArticle = { ...article, id: 'art2', url: 'https://example.com/b', title: undefined, publishedAt: undefined };
    const firedAt = new Date(Date.UTC(2026, 11, 7, 23, 0, 0));
    const ds: PackableDelivery[] = [];
    const expected: { body: string; articleId: string; title?: string; time?: string }[] = [];
    for (const a of [article, other]) {
      const parts = webhookBodyParts(a);
      const ref: PackedArticle = {
        id: a.id,
        url: a.url,
        ...(a.title ? { title: a.title } : {}),
        ...(a.publishedAt ? { time: a.publishedAt } : {}),
        json: parts.article(),
        firedAt: firedAt.toISOString(),
      };
      const matches = [
        { actors: [{ id: 'org:kaspersky-lab', name: 'Kaspersky Lab', mentions: 2 }], terms: [] },
        { actors: [], terms: ['breach', 'كاسبرسكي'] },
        { actors: [], terms: ['warns'] },
      ];
      for (const [i, m] of matches.entries()) {
        const watch = { id: `w${i}`, name: `Watch "${i}" é` };
        ds.push({
          alertId: alertId(watch.id, a.id),
          watchId: watch.id,
          channelIndex: i,
          watchName: watch.name,
          article: ref,
          claims: parts.claims(m),
          matched: parts.matched(m),
        });
        expected.push({
          body: serializePayload(buildWebhookPayload(watch, a, m, firedAt)),
          articleId: a.id,
          title: a.title,
          time: a.publishedAt,
        });
      }
    }
    const packed = packWebhookBatch(ds);
    expect(isPackedBatch(packed)).toBe(true);
    expect(packed.articles).toHaveLength(2);
    expect(packed.claims).toHaveLength(2); // the actor match's and the keyword matches' (all claims); art2's are equal to art1's: shared
    // As BullMQ stores it: through JSON.
    const stored = JSON.parse(JSON.stringify(packed)) as typeof packed;
    const unpacked = unpackWebhookBatch(stored);
    expect(unpacked.map((d) => ({ ...d, body: d.body }))).toEqual(ds.map(unpackedDelivery)); // the body is built when read
    expect(unpacked.map((d) => d.body)).toEqual(expected.map((e) => e.body));
    expect(unpacked.map((d) => [d.articleId, d.articleTitle, d.articleTime])).toEqual(expected.map((e) => [e.articleId, e.title, e.time]));
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify({ deliveries: ds.map(unpackedDelivery) }).length);
    expect(() => unpackWebhookBatch({ ...stored, items: [{ ...stored.items[0], a: 7 }] })).toThrow(/corrupt.*article 7/);
  });

  it('renders e-mail with the subject format and escaped HTML', () => {
    const p = buildWebhookPayload({ id: 'w1', name: 'Kaspersky' }, article, { actors: [], terms: ['x'] });
    const e = renderAlertEmail(p);
    expect(e.subject).toBe('[Marsad] Kaspersky: Kaspersky <b>warns</b>');
    expect(e.html).toContain('Kaspersky &lt;b&gt;warns&lt;/b&gt;');
    expect(e.text).toContain('URL: https://example.com/a');
  });
});

describe('jobs and backoff', () => {
  it('refuses a handler table with a missing job name', () => {
    const one = async () => 1;
    expect(() => assertHandlers({ 'send-webhooks': one, 'send-webhook': one })).toThrow(/send-email/);
    expect(() => assertHandlers({ 'send-webhook': one, 'send-email': one, digest: one })).toThrow(/send-webhooks/);
    expect(() => assertHandlers({ 'send-webhooks': one, 'send-webhook': one, 'send-email': one })).toThrow(/digest/);
    expect(() => assertHandlers({ 'send-webhooks': one, 'send-webhook': one, 'send-email': one, digest: one })).not.toThrow();
    // The decide step runs in the Kafka intake: no `alert` job name any more (ADR 0020).
    expect(ALERT_JOB_NAMES).toEqual(['send-webhooks', 'send-webhook', 'send-email', 'digest']);
  });

  it('backs off exponentially with jitter in the upper half, capped', () => {
    expect(jitteredBackoffDelay(1, 1000, 60000, () => 0)).toBe(500);
    expect(jitteredBackoffDelay(1, 1000, 60000, () => 1)).toBe(1000);
    expect(jitteredBackoffDelay(4, 1000, 60000, () => 0.5)).toBe(6000);
    expect(jitteredBackoffDelay(30, 1000, 60000, () => 1)).toBe(60000);
  });
});

import { buildDigestPayload, digestWindow, renderDigestEmail } from './digest';
import { digestId } from '@marsad/contracts';

describe('digests', () => {
  it('uses fixed epoch-aligned windows', () => {
    const w = digestWindow(15, Date.parse('2026-11-30T10:07:30Z'));
    expect(w).toEqual({ start: '2026-11-30T10:00:00.000Z', end: '2026-11-30T10:15:00.000Z', remainingMs: 7.5 * 60_000 });
  });

  it('builds one payload per watch and window with the alerts in firing order', () => {
    const a = buildWebhookPayload({ id: 'w1', name: 'K' }, article, { actors: [], terms: ['x'] }, '2026-11-30T10:01:00Z');
    const b = buildWebhookPayload(
      { id: 'w1', name: 'K' },
      { ...article, id: 'art2', title: 'Second' },
      { actors: [], terms: ['x'] },
      '2026-11-30T10:00:30Z',
    );
    const d = buildDigestPayload(
      { id: 'w1', name: 'K' },
      { start: '2026-11-30T10:00:00.000Z', end: '2026-11-30T10:15:00.000Z' },
      [a, b],
      '2026-11-30T10:15:00Z',
    );
    expect(d.digestId).toBe(digestId('w1', '2026-11-30T10:00:00.000Z'));
    expect(d.count).toBe(2);
    expect(d.alerts.map((x) => x.article.id)).toEqual(['art2', 'art1']);
    const mail = renderDigestEmail(d);
    expect(mail.subject).toBe('[Marsad] K: 2 new articles (digest)');
    expect(mail.text).toContain('Second');
  });
});
