// node dist/bench/webhook-post.js — CPU per webhook delivery of the alerter's `postWebhook` (URL
// guard check, signature, the HTTP request on a kept-alive connection, the answer), in a warm
// process, against a receiver in its own process on 127.0.0.1 (answers 204). No Kafka, Redis or
// Elasticsearch: only the client side of a delivery, the alerter's main per-delivery cost after
// the intake (ADR 0020).
// Env: BENCH_POSTS (20,000 per round), BENCH_POST_INFLIGHT (128: the worker's bound, 16 batches × 8),
// BENCH_POST_BYTES (1,400: a bench:alerter body), BENCH_ROUNDS (3), BENCH_WEBHOOK_ROOTS
// (comma-separated checkouts whose built dist/ postWebhook is measured, rounds alternate A B A B;
// default this one).

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { postWebhook as PostWebhook } from '../apps/alerter/src/webhook-sender';
import type { UrlGuard as Guard } from '@marsad/alerts';
import { findRoot, load, machine } from './support';

const POSTS = Number(process.env.BENCH_POSTS ?? 20_000);
const INFLIGHT = Number(process.env.BENCH_POST_INFLIGHT ?? 128);
const BYTES = Number(process.env.BENCH_POST_BYTES ?? 1400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROOTS = (process.env.BENCH_WEBHOOK_ROOTS ?? findRoot()).split(',').filter(Boolean);

const RECEIVER = `
const http = require('node:http');
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(204).end()); });
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
`;

interface Client {
  root: string;
  post: typeof PostWebhook;
  guard: Guard;
}

function client(root: string): Client {
  const { postWebhook } = require(join(root, 'dist', 'apps', 'alerter', 'src', 'webhook-sender.js')) as { postWebhook: typeof PostWebhook };
  const { UrlGuard } = require(join(root, 'dist', 'libs', 'alerts', 'src', 'index.js')) as { UrlGuard: new (o: object) => Guard };
  return { root, post: postWebhook, guard: new UrlGuard({ allowCidrs: ['127.0.0.0/8'] }) };
}

async function round(c: Client, url: string, body: string): Promise<{ usPerPost: number; secs: number }> {
  let next = 0;
  const lane = async () => {
    while (next < POSTS) {
      next++;
      await c.post({ url, body, alertId: `a${next}`, secret: 'bench-secret-bench-secret', timeoutMs: 10_000, guard: c.guard, attempt: 1 });
    }
  };
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: INFLIGHT }, lane));
  const cpu = process.cpuUsage(cpu0);
  return { usPerPost: (cpu.user + cpu.system) / POSTS, secs: Number(process.hrtime.bigint() - t0) / 1e9 };
}

async function main(): Promise<void> {
  const receiver = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((res) => receiver.once('message', (p) => res(Number(p))));
    const url = `http://127.0.0.1:${port}/hook`;
    const body = JSON.stringify({ alertId: 'x', pad: 'x'.repeat(Math.max(0, BYTES - 30)) });
    const clients = ROOTS.map(client);
    for (const c of clients) await round({ ...c }, url, body); // warm-up (JIT, connections)
    const lines = [`bench:webhook-post  ${machine()} · ${POSTS} POSTs per round · ${INFLIGHT} in flight · ${body.length}-byte body`];
    for (let r = 0; r < ROUNDS; r++)
      for (const c of clients) {
        const x = await round(c, url, body);
        lines.push(`postWebhook  ${c.root}  ${x.usPerPost.toFixed(1)} µs CPU/POST · ${(POSTS / x.secs).toFixed(0)} POSTs/s · ${load()}`);
      }
    console.log(lines.join('\n'));
  } finally {
    receiver.kill();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench:webhook-post failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
