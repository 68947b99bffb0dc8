// A worker thread of `marsad enrich`: its own KB, engine and warm-up; enriches the batches the main
// thread sends (parse, schema check, engine, serialisation) and returns them for the main thread to
// assign near-duplicate clusters and write in input order.

import { parentPort } from 'node:worker_threads';
import { loadKnowledgeBase } from '@marsad/kb';
import { Enricher, warmUpEnricher } from '@marsad/nlp';
import { enrichItem, threadCpuMs, type EnrichInput, type ItemResult } from './enrich-item';

export interface WorkerBatch {
  start: number;
  inputs: EnrichInput[];
  explain: boolean;
}
/** `cpuMs`: this thread's CPU so far (threadCpuMs), for the timing line's split by thread. */
export type WorkerReply =
  { ready: true; warm: { articles: number; ms: number }; cpuMs: number } | { start: number; results: ItemResult[]; cpuMs: number };

if (parentPort) {
  const port = parentPort;
  const cpu = process.env.MARSAD_ENRICH_TIMING === '1' ? threadCpuMs : () => NaN;
  const kb = loadKnowledgeBase();
  const enricher = new Enricher(kb);
  const warm = warmUpEnricher(enricher, kb.actors());
  port.postMessage({ ready: true, warm, cpuMs: cpu() } satisfies WorkerReply);
  port.on('message', (m: WorkerBatch) => {
    const results: ItemResult[] = [];
    for (let k = 0; k < m.inputs.length; k++) results.push(enrichItem(enricher, m.inputs[k], m.start + k, m.explain));
    port.postMessage({ start: m.start, results, cpuMs: cpu() } satisfies WorkerReply);
  });
}
