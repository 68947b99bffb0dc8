// bench:es-index — what Elasticsearch pays per article for the articles mapping, and how long an
// article takes from its `_bulk` to a search, on the shared local stack (issue 10; ADR 0013 sixth session).
// Bench articles are enriched in process (no Kafka, no services), turned into index documents as the
// indexer does, then, for each variant in BENCH_VARIANTS, alternated BENCH_ROUNDS times in fresh scratch indices:
//   cost     all documents in `_bulk`s of BENCH_BULK (one in flight), then a refresh: ES CPU-ms per
//            article (/proc of the stack's ES process: includes whatever else ES does meanwhile);
//   latency  BENCH_RATE articles/s for BENCH_LATENCY_S s, one `_bulk` every 100 ms, a search polls
//            for them every 50 ms: p50/p99 of the bulk request and of bulk sent → seen.
// Variants: `v2` = the articles template as of main at edb75cc (today's mapping, 1 s refresh), `nodv` = `current` without
// doc values in the nested fields, `current` = this checkout's articlesTemplateBody; suffix `@500ms` sets refresh_interval, `/300` sends a bulk every 300 ms
// in the latency phase (default 100).
// Env: BENCH_N (600), BENCH_ROUNDS (3), BENCH_BULK (100), BENCH_RATE (40), BENCH_LATENCY_S (20; 0 = skip),
// BENCH_VARIANTS (v2,current).

import { Client } from '@elastic/elasticsearch';
import { articleIdFromUrl, names, type EnrichedArticle } from '@marsad/contracts';
import { loadKnowledgeBase } from '@marsad/kb';
import { Enricher, normalizeForSearch } from '@marsad/nlp';
import { ARTICLES_MAPPINGS, ARTICLES_SOURCE_EXCLUDES, articlesTemplateBody, monthlyIndexFor, toIndexDocument } from '@marsad/search';
import { randomBytes } from 'node:crypto';
import { benchArticles } from './articles';
import { ES, cpuSeconds, stackPids } from './stack';
import { load, machine, percentile } from './support';

const N = Number(process.env.BENCH_N ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BULK = Number(process.env.BENCH_BULK ?? 100);
const RATE = Number(process.env.BENCH_RATE ?? 40);
const LATENCY_S = Number(process.env.BENCH_LATENCY_S ?? 20);
const VARIANTS = (process.env.BENCH_VARIANTS ?? 'v2,current').split(',');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The mapping of template version 2 (main at edb75cc): the same as version 3's, which changed only the refresh (1 s → 500 ms). */
function v2Mappings() {
  return structuredClone({ _source: { excludes: [...ARTICLES_SOURCE_EXCLUDES] }, ...ARTICLES_MAPPINGS });
}

/** v2 without doc values in the nested actors/claims (Kibana cannot aggregate nested fields). */
function noNestedDocValues(m: ReturnType<typeof v2Mappings>) {
  const strip = (props: Record<string, Record<string, unknown>>) => {
    for (const v of Object.values(props)) {
      if (v.properties) strip(v.properties as Record<string, Record<string, unknown>>);
      else if (v.type && v.type !== 'text' && v.type !== 'object' && v.index !== false) v.doc_values = false;
    }
  };
  strip(m.properties.actors.properties as never);
  strip(m.properties.claims.properties as never);
  return m;
}

function template(variant: string, ns: string) {
  const [kind, refresh] = variant.split('/')[0].split('@');
  const body = articlesTemplateBody(names(ns)) as unknown as {
    template: { settings: Record<string, unknown>; mappings: unknown };
  };
  if (kind === 'v2') body.template.settings.refresh_interval = '1s';
  else if (kind === 'nodv') body.template.mappings = noNestedDocValues(v2Mappings());
  else if (kind !== 'current') throw new Error(`BENCH_VARIANTS: unknown variant ${variant}`);
  if (refresh) body.template.settings.refresh_interval = refresh;
  return body;
}

function documents(): { article: EnrichedArticle; line: string }[] {
  const e = new Enricher(loadKnowledgeBase());
  const now = Date.now();
  return benchArticles(N).map((a, i) => {
    const d = e.enrich({ ...a, id: articleIdFromUrl(a.url), publishedAt: new Date(now - i * 1000).toISOString() });
    const article = { ...d, dedup: { fingerprint: d.dedup.fingerprint, clusterId: d.id } } as EnrichedArticle;
    return { article, line: JSON.stringify(toIndexDocument(article, { normalize: normalizeForSearch })) };
  });
}

const es = new Client({ node: ES, requestTimeout: 120_000 });
const esPid = stackPids().es;

async function withIndex<T>(variant: string, fn: (ns: string) => Promise<T>): Promise<T> {
  const ns = `besi${randomBytes(3).toString('hex')}`;
  const n = names(ns);
  await es.indices.putIndexTemplate(template(variant, ns) as never);
  try {
    return await fn(ns);
  } finally {
    const indices = Object.keys(await es.indices.get({ index: n.articlesIndexPattern, allow_no_indices: true }).catch(() => ({})));
    if (indices.length) await es.indices.delete({ index: indices.join(',') }).catch(() => undefined);
    await es.indices.deleteIndexTemplate({ name: n.articlesTemplate }).catch(() => undefined);
  }
}

function bulkBody(ns: string, docs: { article: EnrichedArticle; line: string }[], suffix = ''): string {
  const n = names(ns);
  let s = '';
  for (const d of docs) s += `{"index":{"_index":"${monthlyIndexFor(d.article, n)}","_id":"${d.article.id}${suffix}"}}\n${d.line}\n`;
  return s;
}

async function bulk(body: string): Promise<void> {
  const r = await es.bulk({ body, filter_path: 'errors,items.*.error' } as never);
  if ((r as { errors?: boolean }).errors) throw new Error(`bulk errors: ${JSON.stringify(r).slice(0, 500)}`);
}

async function cost(variant: string, docs: { article: EnrichedArticle; line: string }[]): Promise<string> {
  return withIndex(variant, async (ns) => {
    await bulk(bulkBody(ns, docs.slice(0, 10), '-warm')); // index creation outside the figure
    const c0 = cpuSeconds(esPid!);
    const t0 = Date.now();
    for (let i = 0; i < docs.length; i += BULK) await bulk(bulkBody(ns, docs.slice(i, i + BULK)));
    await es.indices.refresh({ index: names(ns).articlesAlias });
    const ms = ((cpuSeconds(esPid!) - c0) * 1000) / docs.length;
    const stats = await es.indices.stats({ index: names(ns).articlesAlias, metric: ['docs', 'store'] });
    const p = stats._all.primaries!;
    return `cost     ${variant.padEnd(14)} ES ${ms.toFixed(2)} ms CPU/article · ${((Date.now() - t0) / 1000).toFixed(1)} s · ${p.docs!.count} Lucene docs · store ${(p.store!.size_in_bytes! / 1e6).toFixed(1)} MB · ${load()}`;
  });
}

async function latency(variant: string, docs: { article: EnrichedArticle; line: string }[]): Promise<string> {
  return withIndex(variant, async (ns) => {
    const alias = names(ns).articlesAlias;
    await bulk(bulkBody(ns, docs.slice(0, 10), '-warm'));
    const pending = new Map<string, number>();
    const bulkMs: number[] = [];
    const seenMs: number[] = [];
    const end = Date.now() + LATENCY_S * 1000;
    const c0 = cpuSeconds(esPid!);
    const tickMs = Number(variant.split('/')[1] ?? 100);
    let sent = 0;
    const poller = (async () => {
      while (Date.now() < end + 15_000 && (Date.now() < end || pending.size)) {
        const ids = [...pending.keys()];
        if (ids.length) {
          const r = await es.search({ index: alias, size: ids.length, _source: false, query: { ids: { values: ids } } });
          const now = Date.now();
          for (const h of r.hits.hits) {
            const at = pending.get(h._id!);
            if (at !== undefined) {
              seenMs.push(now - at);
              pending.delete(h._id!);
            }
          }
        }
        await sleep(50);
      }
    })();
    const inflight: Promise<void>[] = [];
    for (let tick = Date.now(), round = 0; Date.now() < end; round++) {
      const due = Math.floor(((Date.now() - tick) / 1000) * RATE) + 1 - sent;
      const batch: { article: EnrichedArticle; line: string }[] = [];
      for (let k = 0; k < due; k++) batch.push(docs[(sent + k) % docs.length]);
      if (batch.length) {
        const suffix = `-r${round}`;
        const at = Date.now();
        inflight.push(
          bulk(bulkBody(ns, batch, suffix)).then(() => {
            bulkMs.push(Date.now() - at);
            for (const d of batch) pending.set(`${d.article.id}${suffix}`, at);
          }),
        );
        sent += batch.length;
      }
      await sleep(tickMs);
    }
    await Promise.all(inflight);
    await poller;
    const ms = ((cpuSeconds(esPid!) - c0) * 1000) / sent;
    return `latency  ${variant.padEnd(14)} at ${RATE}/s: bulk p50 ${percentile(bulkMs, 0.5)} p99 ${percentile(bulkMs, 0.99)} ms · sent → seen p50 ${percentile(seenMs, 0.5)} p99 ${percentile(seenMs, 0.99)} ms over ${seenMs.length} (${pending.size} unseen) · ES ${ms.toFixed(2)} ms CPU/article · ${load()}`;
  });
}

async function main(): Promise<void> {
  if (!esPid) throw new Error('the shared stack’s Elasticsearch process was not found');
  const docs = documents();
  const kb = docs.reduce((s, d) => s + Buffer.byteLength(d.line), 0) / docs.length / 1024;
  const nested = docs.reduce((s, d) => s + (d.article.actors?.length ?? 0) + (d.article.claims?.length ?? 0), 0) / docs.length;
  console.log(
    `bench:es-index  ${machine()} · ${load()} · ${docs.length} enriched articles (${kb.toFixed(1)} KB JSON, ${nested.toFixed(1)} nested docs each) · bulks of ${BULK}`,
  );
  for (let r = 0; r < ROUNDS; r++)
    for (const v of VARIANTS) {
      console.log(await cost(v, docs));
      if (LATENCY_S > 0) console.log(await latency(v, docs));
    }
  await es.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
