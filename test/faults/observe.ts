// test:faults — what the suite watches: readiness of every service, committed offsets and lag of
// every group, admin probes; and what comes out: the enriched topic, the DLQ, webhook deliveries.
import http from 'node:http';
import { type DlqRecord } from '@marsad/contracts';
import { verifyWebhookSignature } from '@marsad/alerts';
import { admin, httpStatus, kafka, N, ns, ports, ready, resetAdmin, viewerKey } from './clients';
import { GROUPS, say, SERVICES, sleep, state, within, type Service } from './env';

// ---------------------------------------------------------------------------------------------
// Monitors: readiness of every service, committed offsets and lag of every consumer group, admin probes

export interface ReadySample {
  t: number;
  ready: Record<Service, boolean>;
}
export interface OffsetSample {
  t: number;
  committed: Record<string, bigint>;
  lag: Record<string, bigint>;
}
export const readySamples: ReadySample[] = [];
export const offsetSamples: OffsetSample[] = [];
export const adminProbes = { total: 0, ok: 0, fiveXX: 0, unreachable: 0, other: 0, details: [] as string[] };

export async function offsetsNow(): Promise<OffsetSample> {
  const a = await admin();
  const committed: Record<string, bigint> = {};
  const lag: Record<string, bigint> = {};
  const highs = new Map<string, Map<number, bigint>>();
  for (const key of ['articlesRaw', 'articlesEnriched'] as const) {
    const topic = N.topic(key);
    const o = await within(a.fetchTopicOffsets(topic), 3000);
    highs.set(key, new Map(o.map((p) => [p.partition, BigInt(p.high)])));
  }
  for (const g of GROUPS) {
    const [res] = await within(a.fetchOffsets({ groupId: N.consumerGroup(g.service), topics: [N.topic(g.topic)] }), 3000);
    let c = 0n;
    let l = 0n;
    for (const [partition, high] of highs.get(g.topic)!) {
      const off = BigInt(res.partitions.find((p) => p.partition === partition)?.offset ?? '-1');
      const eff = off < 0n ? 0n : off;
      c += eff;
      l += high > eff ? high - eff : 0n;
    }
    committed[g.service] = c;
    lag[g.service] = l;
  }
  return { t: Date.now(), committed, lag };
}

export async function monitorReady(): Promise<void> {
  while (state.monitoring) {
    const t = Date.now();
    const r = await Promise.all(SERVICES.map((s) => ready(s)));
    readySamples.push({ t, ready: Object.fromEntries(SERVICES.map((s, i) => [s, r[i]])) as Record<Service, boolean> });
    await sleep(Math.max(0, 500 - (Date.now() - t)));
  }
}
export async function monitorOffsets(): Promise<void> {
  while (state.monitoring) {
    const t = Date.now();
    try {
      offsetSamples.push(await offsetsNow());
    } catch {
      await resetAdmin();
    }
    await sleep(Math.max(0, 1000 - (Date.now() - t)));
  }
}
/** GET /v1/status and GET /v1/watches every 2 s: a 5xx is a failure; no answer (admin itself killed) is reported. */
export async function monitorAdmin(): Promise<void> {
  let i = 0;
  while (state.monitoring) {
    const t = Date.now();
    const path = i++ % 2 ? '/v1/watches' : '/v1/status';
    const s = await httpStatus(`http://127.0.0.1:${ports.admin}${path}`, 10_000, { authorization: `Bearer ${viewerKey}` });
    adminProbes.total++;
    if (s === 0) adminProbes.unreachable++;
    else if (s >= 500) {
      adminProbes.fiveXX++;
      adminProbes.details.push(`${new Date(t).toISOString()} ${path} → ${s}`);
    } else if (s === 200) adminProbes.ok++;
    else adminProbes.other++;
    await sleep(Math.max(0, 2000 - (Date.now() - t)));
  }
}

// ---------------------------------------------------------------------------------------------
// What comes out: enriched topic (processing count per article id), DLQ, webhook receiver

export const enrichedAt = new Map<string, number[]>(); // article id → produce timestamps on the enriched topic
export const dlq = new Map<string, DlqRecord>(); // message key → DLQ record

export async function startOutConsumer(): Promise<void> {
  const c = kafka.consumer({ groupId: `${ns}.faults-probe`, maxWaitTimeInMs: 200 });
  state.outConsumer = c;
  c.on(c.events.CRASH, (e) => {
    if (!e.payload.restart && state.monitoring) {
      void c
        .disconnect()
        .catch(() => undefined)
        .then(() => sleep(1000))
        .then(() => startOutConsumer().catch((err) => say(`probe consumer restart failed: ${err}`)));
    }
  });
  await c.connect();
  await c.subscribe({ topics: [N.topic('articlesEnriched'), N.topic('articlesDlq')], fromBeginning: true });
  await c.run({
    eachMessage: async ({ topic, message }) => {
      const key = message.key?.toString() ?? '';
      if (topic === N.topic('articlesEnriched')) {
        const list = enrichedAt.get(key) ?? [];
        list.push(Number(message.timestamp));
        enrichedAt.set(key, list);
      } else {
        try {
          const rec = JSON.parse(message.value!.toString('utf8')) as DlqRecord;
          dlq.set(rec.key ?? key, rec);
        } catch {
          dlq.set(key, { error: '' } as DlqRecord);
        }
      }
    },
  });
}

export interface Delivery {
  at: number;
  articleId: string;
  signatureOk: boolean;
}
export const deliveries = new Map<string, Delivery[]>(); // alert id → every delivery
export const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const id = String(req.headers['x-marsad-alert-id'] ?? '');
    let articleId = '';
    try {
      articleId = JSON.parse(raw.toString('utf8')).article?.id ?? '';
    } catch {
      /* reported as an unknown article */
    }
    const signatureOk =
      !!state.watchSecret && verifyWebhookSignature(state.watchSecret, req.headers['x-marsad-signature'] as string, raw, 600).ok;
    const list = deliveries.get(id) ?? [];
    list.push({ at: Date.now(), articleId, signatureOk });
    deliveries.set(id, list);
    res.writeHead(204).end();
  });
});
