#!/usr/bin/env node
// Imports deploy/kibana/marsad.ndjson (data views, saved searches, Lens visualisations, dashboard)
// into Kibana through the saved objects API:
//   POST <KIBANA_URL>[/s/<space>]/api/saved_objects/_import?overwrite=true   (header kbn-xsrf)
// Idempotent (fixed ids + overwrite). Needs only Node 20 (fetch, FormData, Blob): the runtime image
// has no curl. Used by the compose `init` service and the k8s bootstrap Job (entrypoint `kibana`
// or `bootstrap`). Equivalent by hand:
//   curl -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" -H 'kbn-xsrf: true' \
//        --form file=@deploy/kibana/marsad.ndjson
//
// Environment:
//   KIBANA_URL            default http://127.0.0.1:5601 (credentials may be in the URL)
//   KIBANA_USERNAME / KIBANA_PASSWORD   basic auth (optional), or KIBANA_API_KEY (optional)
//   KIBANA_SPACE          space id (optional; default space otherwise)
//   KIBANA_WAIT_SECONDS   how long to wait for Kibana to report "available" (default 300)
//   KIBANA_IMPORT_SKIP    "true" skips the import (e.g. no Kibana in this environment)
//   MARSAD_NAMESPACE      when set, data view titles become <ns>-marsad-articles / <ns>-marsad-alerts
//                         (the same prefix libs/contracts gives the indices)
//   NODE_EXTRA_CA_CERTS   standard Node variable: trust a private CA (ECK's self-signed http certs)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const log = (msg) => process.stderr.write(`[marsad kibana] ${msg}\n`);
const here = dirname(fileURLToPath(import.meta.url));

/** Rewrites data view titles for a namespace (pure; exported for the packaging tests). */
export function applyNamespace(ndjson, namespace) {
  const ns = namespace?.trim().toLowerCase();
  if (!ns) return ndjson;
  return ndjson
    .split('\n')
    .map((line) => {
      if (!line.trim()) return line;
      const obj = JSON.parse(line);
      if (obj.type === 'index-pattern' && typeof obj.attributes?.title === 'string' && obj.attributes.title.startsWith('marsad-')) {
        obj.attributes.title = `${ns}-${obj.attributes.title}`;
      }
      return JSON.stringify(obj);
    })
    .join('\n');
}

function target() {
  const raw = process.env.KIBANA_URL || 'http://127.0.0.1:5601';
  const url = new URL(raw);
  const headers = { 'kbn-xsrf': 'true' };
  let user = process.env.KIBANA_USERNAME;
  let pass = process.env.KIBANA_PASSWORD;
  if (url.username) {
    user = decodeURIComponent(url.username);
    pass = decodeURIComponent(url.password);
    url.username = '';
    url.password = '';
  }
  if (process.env.KIBANA_API_KEY) headers.authorization = `ApiKey ${process.env.KIBANA_API_KEY}`;
  else if (user) headers.authorization = `Basic ${Buffer.from(`${user}:${pass ?? ''}`).toString('base64')}`;
  const base = url.toString().replace(/\/$/, '');
  const space = process.env.KIBANA_SPACE?.trim();
  return { base: space ? `${base}/s/${encodeURIComponent(space)}` : base, root: base, headers };
}

async function waitForKibana(root, headers, seconds) {
  const deadline = Date.now() + seconds * 1000;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${root}/api/status`, { headers, signal: AbortSignal.timeout(5000) });
      if (res.ok) {
        const body = await res.json();
        const level = body?.status?.overall?.level ?? body?.status?.overall?.state;
        if (level === 'available' || level === 'green') return;
        last = `status ${level}`;
      } else last = `HTTP ${res.status}`;
    } catch (err) {
      last = err?.cause?.code ?? err?.message ?? String(err);
    }
    await new Promise((r) => setTimeout(r, 3000));
  }
  throw new Error(`Kibana at ${root} not available after ${seconds}s (${last})`);
}

export async function importSavedObjects(file = join(here, 'marsad.ndjson')) {
  if (/^(1|true|yes)$/i.test(process.env.KIBANA_IMPORT_SKIP ?? '')) {
    log('KIBANA_IMPORT_SKIP set: not importing saved objects');
    return;
  }
  const { base, root, headers } = target();
  await waitForKibana(root, headers, Number(process.env.KIBANA_WAIT_SECONDS ?? 300));
  const ndjson = applyNamespace(readFileSync(file, 'utf8'), process.env.MARSAD_NAMESPACE);
  const form = new FormData();
  form.append('file', new Blob([ndjson], { type: 'application/ndjson' }), 'marsad.ndjson');
  const res = await fetch(`${base}/api/saved_objects/_import?overwrite=true`, {
    method: 'POST',
    headers,
    body: form,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!res.ok || !body?.success) {
    throw new Error(`import answered HTTP ${res.status}: ${text.slice(0, 2000)}`);
  }
  log(`imported ${body.successCount} saved objects into ${base}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  importSavedObjects(process.argv[2]).catch((err) => {
    log(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
