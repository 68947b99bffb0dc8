// node dist/bench/batch-bytes.js — bytes and CPU per webhook delivery of `send-webhooks` job data,
// unpacked (a whole body per delivery) against packed (MARSAD_ALERT_PACKED_BATCHES; ADR 0020, seventh
// session), over bench:alerter's cached enriched articles (.marsad/bench-cache/enriched-5000.jsonl:
// run bench:alerter once first) and its watches; every match is sent, in batches of SEND_BATCH.
// Write = build the job data + JSON.stringify (the intake); read = JSON.parse + unpack (the worker).
// Env: BENCH_N (1000 articles), BENCH_ROUNDS (3; the last round is printed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alertId, type EnrichedArticle } from '@marsad/contracts';
import {
  packWebhookBatch,
  SEND_BATCH,
  unpackedDelivery,
  unpackWebhookBatch,
  WatchMatcher,
  webhookBodyParts,
  type PackableDelivery,
  type PackedSendBatchJobData,
} from '@marsad/alerts';
import { loadPools, watches } from './workload';
import { findRoot, load } from './support';

const N = Number(process.env.BENCH_N ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const file = join(findRoot(), '.marsad', 'bench-cache', 'enriched-5000.jsonl');
const articles = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, N)
  .map((l) => JSON.parse(l) as EnrichedArticle);
const matcher = new WatchMatcher();
for (const w of watches('http://127.0.0.1/', loadPools())) matcher.upsert(w);
const ds: PackableDelivery[] = [];
for (const a of articles) {
  const matches = matcher.match(a);
  if (!matches.length) continue;
  const parts = webhookBodyParts(a);
  const time = a.publishedAt ?? a.fetchedAt;
  const article = {
    id: a.id,
    url: a.url,
    ...(a.title ? { title: a.title } : {}),
    ...(time ? { time } : {}),
    json: parts.article(),
    firedAt: new Date().toISOString(),
  };
  for (const m of matches)
    m.watch.channels.forEach((ch, i) => {
      if (ch.type === 'webhook')
        ds.push({
          alertId: alertId(m.watch.id, a.id),
          watchId: m.watch.id,
          channelIndex: i,
          watchName: m.watch.name,
          article,
          claims: parts.claims(m),
          matched: parts.matched(m),
        });
    });
}
let line = '';
for (let r = 0; r < ROUNDS; r++) {
  const bytes = { unpacked: 0, packed: 0 };
  const write = { unpacked: 0, packed: 0 };
  const read = { unpacked: 0, packed: 0 };
  for (let i = 0; i < ds.length; i += SEND_BATCH) {
    const batch = ds.slice(i, i + SEND_BATCH);
    let t = cpuMs();
    const u = JSON.stringify({ deliveries: batch.map(unpackedDelivery) });
    write.unpacked += cpuMs() - t;
    t = cpuMs();
    const p = JSON.stringify(packWebhookBatch(batch));
    write.packed += cpuMs() - t;
    t = cpuMs();
    JSON.parse(u);
    read.unpacked += cpuMs() - t;
    t = cpuMs();
    for (const d of unpackWebhookBatch(JSON.parse(p) as PackedSendBatchJobData)) void d.body; // built when read
    read.packed += cpuMs() - t;
    bytes.unpacked += u.length;
    bytes.packed += p.length;
  }
  const per = (x: number) => ((x * 1000) / ds.length).toFixed(2);
  line =
    `bench:batch-bytes  ${articles.length} articles · ${ds.length} webhook deliveries (${(ds.length / articles.length).toFixed(2)} per article)\n` +
    `  job data per delivery: unpacked ${(bytes.unpacked / ds.length).toFixed(0)} B, packed ${(bytes.packed / ds.length).toFixed(0)} B\n` +
    `  µs CPU per delivery: write unpacked ${per(write.unpacked)} packed ${per(write.packed)} · read unpacked ${per(read.unpacked)} packed ${per(read.packed)} · ${load()}`;
}
console.log(line);
