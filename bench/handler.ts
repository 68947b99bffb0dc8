// node dist/bench/handler.js — CPU per article of each step of the enricher service's handler
// (apps/enricher/src/enrich-handler.ts) without Kafka or Redis: decode the raw message, RawArticle
// schema, engine, contract check of the output, serialisation. The near-duplicate script and the
// produce are I/O and measured by bench:pipeline. `--zod` checks the output with the zod schema
// alone and serialises twice (the handler before ADR 0019), for a before/after on one machine.
// Env: BENCH_N (2,000 bench articles; two rounds, the second is reported).

import { z } from 'zod';
import { EnrichedArticleSchema, RawArticleSchema, isCanonicalEnrichedArticle, isCanonicalRawArticle } from '@marsad/contracts';
import { loadKnowledgeBase } from '@marsad/kb';
import { decodeJson } from '@marsad/messaging';
import { Enricher, warmUpEnricher } from '@marsad/nlp';
import { benchArticles } from './articles';
import { load, machine } from './support';

const zodOnly = process.argv.includes('--zod');
const msgs = benchArticles(Number(process.env.BENCH_N ?? 2000)).map((a) => Buffer.from(JSON.stringify(a)));
const kb = loadKnowledgeBase();
const enricher = new Enricher(kb);
warmUpEnricher(enricher, kb.actors());
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const steps = { decode: 0, schema: 0, engine: 0, check: 0, serialise: 0 };
let bytes = 0;
for (let round = 0; round < 2; round++) {
  for (const k of Object.keys(steps) as (keyof typeof steps)[]) steps[k] = 0;
  bytes = 0;
  for (const m of msgs) {
    const c0 = cpuMs();
    const parsed = decodeJson(m, z.unknown(), { maxBytes: 4 << 20 });
    const c1 = cpuMs();
    const value = parsed.ok ? parsed.value : undefined;
    // as the handler: the fast pre-check, zod when it says no (--zod: zod only, as before)
    const raw = !zodOnly && isCanonicalRawArticle(value) ? { success: true as const, data: value } : RawArticleSchema.safeParse(value);
    if (!raw.success) throw new Error('bench article refused by the schema');
    const c2 = cpuMs();
    const draft = enricher.enrich(raw.data);
    const c3 = cpuMs();
    const enriched = { ...draft, dedup: { fingerprint: draft.dedup.fingerprint, clusterId: draft.id } };
    const ok = !zodOnly && isCanonicalEnrichedArticle(enriched) ? true : EnrichedArticleSchema.safeParse(enriched).success;
    if (!ok) throw new Error('enriched article violates the contract');
    const c4 = cpuMs();
    // before: Buffer.byteLength(JSON.stringify(...)) for the size check, then the publisher's JSON.stringify
    if (zodOnly) Buffer.byteLength(JSON.stringify(enriched));
    bytes += Buffer.from(JSON.stringify(enriched)).length;
    const c5 = cpuMs();
    steps.decode += c1 - c0;
    steps.schema += c2 - c1;
    steps.engine += c3 - c2;
    steps.check += c4 - c3;
    steps.serialise += c5 - c4;
  }
}
const per = (v: number) => (v / msgs.length).toFixed(3);
const total = Object.values(steps).reduce((a, b) => a + b, 0);
console.log(
  `bench:handler${zodOnly ? ' --zod' : ''}  ${machine()} · ${load()} · ${msgs.length} articles · CPU ms per article: ` +
    Object.entries(steps)
      .map(([k, v]) => `${k} ${per(v)}`)
      .join(' · ') +
    ` · total ${per(total)} (beyond the engine ${per(total - steps.engine)}) · output ${(bytes / msgs.length / 1024).toFixed(1)} KB avg`,
);
