// test:faults — the checks after the drain (articles, documents per URL, poison in the DLQ, alerts,
// signatures, admin 5xx, repeats after a SIGTERM, readiness and progress per fault) and their report.
import { Client as EsClient } from '@elastic/elasticsearch';
import { N, stack } from './clients';
import { POISON_PCT, RATE, runId, logDir, secs, t0, TARGET_S } from './env';
import { results, type FaultResult } from './faults';
import { poison, published } from './load';
import { adminProbes, deliveries, dlq, enrichedAt } from './observe';

/** Checks what the run left in Elasticsearch, the DLQ and the receiver, prints PASS/FAIL lines and the
 * per-fault table; returns the exit code (1 when a check failed). */
export async function checkAndReport(run: { detachOk: boolean; expectedAlerts: Set<string>; canaryIds: Set<string> }): Promise<number> {
  const { detachOk, expectedAlerts, canaryIds } = run;
  // 4. checks
  const es = new EsClient({ node: stack.es });
  await es.indices.refresh({ index: N.articlesIndexPattern, ignore_unavailable: true, allow_no_indices: true });
  const docs = new Map<string, { count: number; version: number; indexedAt: number }>();
  let scroll = await es.search({
    index: N.articlesIndexPattern,
    scroll: '1m',
    size: 5000,
    version: true,
    _source: ['url', 'indexedAt'],
    query: { match_all: {} },
  });
  while (scroll.hits.hits.length) {
    for (const h of scroll.hits.hits) {
      const d = docs.get(h._id!) ?? { count: 0, version: 0, indexedAt: 0 };
      d.count++;
      d.version = Math.max(d.version, h._version ?? 1);
      d.indexedAt = Math.max(d.indexedAt, Date.parse((h._source as { indexedAt?: string }).indexedAt ?? '') || 0);
      docs.set(h._id!, d);
    }
    scroll = await es.scroll({ scroll_id: scroll._scroll_id!, scroll: '1m' });
  }
  await es.clearScroll({ scroll_id: scroll._scroll_id! }).catch(() => undefined);
  const dupAgg = await es.search({
    index: N.articlesIndexPattern,
    size: 0,
    aggs: { u: { terms: { field: 'url', min_doc_count: 2, size: 100 } } },
  });
  const dupUrls = ((dupAgg.aggregations?.u as { buckets: { key: string; doc_count: number }[] })?.buckets ?? []).length;
  await es.close();

  const lost = [...published.keys()].filter((id) => !docs.has(id));
  const multiIndex = [...docs.values()].filter((d) => d.count > 1).length;
  const poisonInDlq = [...poison].filter((k) => dlq.get(k)?.error?.trim()).length;
  const lostAlerts = [...expectedAlerts].filter((id) => !deliveries.has(id));
  const unexpected = [...deliveries.keys()].filter((id) => !expectedAlerts.has(id) && !canaryIds.has(id));
  let extraDeliveries = 0;
  let badSig = 0;
  for (const [id, list] of deliveries) {
    if (canaryIds.has(id)) continue;
    extraDeliveries += list.length - 1;
    badSig += list.filter((x) => !x.signatureOk).length;
  }

  // Processing counted per article id, attributed to the fault window [start, next fault's start)
  // in which the repeat happened: enricher = repeats on the enriched topic; indexer = ES writes
  // beyond the enriched copies (_version − copies; indexedAt = the last write); alerter =
  // webhook deliveries beyond one per alert id.
  const windowOf = (t: number) => {
    let w: FaultResult | undefined;
    for (const r of results) if (r.start <= t) w = r;
    return w?.name ?? 'before the faults';
  };
  const repeats = new Map<string, { enricher: number; indexer: number; alerter: number }>();
  const bump = (w: string, k: 'enricher' | 'indexer' | 'alerter', n = 1) => {
    const e = repeats.get(w) ?? { enricher: 0, indexer: 0, alerter: 0 };
    e[k] += n;
    repeats.set(w, e);
  };
  for (const [, ts] of enrichedAt) for (const t of ts.slice(1)) bump(windowOf(t), 'enricher');
  for (const [id, d] of docs) {
    const extra = d.version - (enrichedAt.get(id)?.length ?? 1);
    if (extra > 0) bump(windowOf(d.indexedAt), 'indexer', extra);
  }
  for (const [id, list] of deliveries) if (!canaryIds.has(id)) for (const x of list.slice(1)) bump(windowOf(x.at), 'alerter');

  // 5. report
  const failures: string[] = [];
  const line = (ok: boolean | null, text: string) => {
    console.log(`${ok === null ? 'INFO' : ok ? 'PASS' : 'FAIL'}  ${text}`);
    if (ok === false) failures.push(text);
  };
  console.log('');
  console.log(
    `=== test:faults ${runId}: ${results.length} faults in ${secs(Date.now() - t0)} s; load ${RATE}/s, ${POISON_PCT}% poison ===`,
  );
  line(detachOk, `stack detach: Elasticsearch survives a SIGHUP to the process group that ran stack.sh up`);
  line(
    lost.length === 0,
    `articles: ${published.size} valid published, ${published.size - lost.length} searchable, ${lost.length} lost${lost.length ? ` (e.g. ${lost.slice(0, 3).join(', ')})` : ''}`,
  );
  line(
    dupUrls === 0 && multiIndex === 0,
    `documents per URL: ${dupUrls} URLs with more than one document, ${multiIndex} ids in more than one index`,
  );
  line(
    poisonInDlq === poison.size,
    `poison: ${poisonInDlq}/${poison.size} in the DLQ with a reason (${poison.size ? ((100 * poisonInDlq) / poison.size).toFixed(1) : '100.0'}%)`,
  );
  line(
    lostAlerts.length === 0,
    `alerts: ${expectedAlerts.size} expected, ${expectedAlerts.size - lostAlerts.length} distinct alert ids delivered, ${lostAlerts.length} lost; ${unexpected.length} unexpected`,
  );
  line(null, `alert deliveries beyond one per alert id (same X-Marsad-Alert-Id): ${extraDeliveries}`);
  line(badSig === 0, `webhook signatures: ${badSig} deliveries with an invalid signature`);
  line(
    adminProbes.fiveXX === 0,
    `admin API: ${adminProbes.total} probes during the faults, ${adminProbes.fiveXX} 5xx, ${adminProbes.unreachable} unanswered (admin itself down/restarting), ${adminProbes.other} other${adminProbes.details.length ? `: ${adminProbes.details.slice(0, 5).join('; ')}` : ''}`,
  );
  console.log('');
  console.log(`fault                 ready again   progressing   backlog consumed   repeats enricher/indexer/alerter   what happened`);
  for (const r of results) {
    const rep = repeats.get(r.name) ?? { enricher: 0, indexer: 0, alerter: 0 };
    const f = (x?: number) => (x === undefined ? 'NEVER' : `${x.toFixed(1)} s`).padStart(8);
    console.log(
      `${r.name.padEnd(20)}  ${f(r.readyAfterS)}      ${f(r.progressAfterS)}      ${(r.caughtUpAfterS === undefined ? 'NO' : `${r.caughtUpAfterS.toFixed(1)} s`).padStart(9)}          ${`${rep.enricher}/${rep.indexer}/${rep.alerter}`.padStart(10)}              ${r.note}`,
    );
  }
  const before = repeats.get('before the faults');
  if (before) console.log(`(repeats before the first fault: ${before.enricher}/${before.indexer}/${before.alerter})`);
  console.log('');
  for (const r of results) {
    line(
      r.readyAfterS !== undefined && r.readyAfterS <= TARGET_S,
      `${r.name}: readiness true again ${r.readyAfterS?.toFixed(1) ?? 'never'} s after the fault ended (target ${TARGET_S} s)`,
    );
    line(
      r.progressAfterS !== undefined && r.progressAfterS <= TARGET_S,
      `${r.name}: consumers progressing ${r.progressAfterS?.toFixed(1) ?? 'never'} s after the fault ended (target ${TARGET_S} s)`,
    );
    if (r.name.startsWith('sigterm-')) {
      const rep = repeats.get(r.name) ?? { enricher: 0, indexer: 0, alerter: 0 };
      const n = rep.enricher + rep.indexer + rep.alerter;
      line(
        n === 0,
        `${r.name}: ${n} articles processed a second time after the SIGTERM (enricher ${rep.enricher}, indexer ${rep.indexer}, alerter ${rep.alerter})`,
      );
    }
  }
  console.log('');
  console.log(`${failures.length ? 'FAILED' : 'PASSED'}: ${failures.length} of the checks above failed. Logs: ${logDir}`);
  return failures.length ? 1 : 0;
}
