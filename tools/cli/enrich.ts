// `marsad enrich [FILE...]` / `marsad enrich --jsonl` — enrich RawArticle JSON without any
// infrastructure. One JSON line per input, in order; invalid items print
// {"error":{"field","message"},"index":n}; exit 0. Near-duplicates are detected within the run.
// `--explain` also prints each claim with the rule that produced it, one human-readable line per claim, on
// stderr (stdout stays one JSON line per article), for analysts checking why a claim was (or was not) made.

import { readFileSync } from 'node:fs';
import { firstFieldError, RawArticleSchema, type Claim } from '@marsad/contracts';
import { loadKnowledgeBase } from '@marsad/kb';
import { Enricher, InMemoryDedupStore, NearDuplicateIndex } from '@marsad/nlp';

type Out = (line: string) => void;

/** One line per claim: `[rule] speaker — verb: «text»` (title claims marked), for `--explain`. */
export function explainClaims(index: number, url: string, claims: readonly Claim[]): string[] {
  const lines = [`# article ${index}: ${url} (${claims.length} claim${claims.length === 1 ? '' : 's'})`];
  for (const c of claims) {
    const r = (c as { rule?: unknown }).rule;
    const rule = typeof r === 'string' && r ? r : '?';
    const where = c.field === 'title' ? ' (title)' : '';
    lines.push(`  [${rule}] ${c.speaker.name} — ${c.verb}: «${c.text}» @${c.start}-${c.end}${c.quoted ? ' quoted' : ''}${where}`);
  }
  return lines;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(
  argv: string[] = process.argv.slice(2),
  out: Out = (l) => process.stdout.write(l + '\n'),
  explainOut: Out = (l) => process.stderr.write(l + '\n'),
): Promise<number> {
  const jsonl = argv.includes('--jsonl');
  const explain = argv.includes('--explain');
  const files = argv.filter((a) => !a.startsWith('--'));
  const inputs: { parsed?: unknown; parseError?: string }[] = [];
  if (jsonl) {
    const text = await readStdin();
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        inputs.push({ parsed: JSON.parse(line) });
      } catch (e) {
        inputs.push({ parseError: (e as Error).message });
      }
    }
  }
  for (const f of files) {
    try {
      inputs.push({ parsed: JSON.parse(readFileSync(f, 'utf8')) });
    } catch (e) {
      inputs.push({ parseError: `${f}: ${(e as Error).message}` });
    }
  }
  const kb = loadKnowledgeBase();
  const enricher = new Enricher(kb);
  const index = new NearDuplicateIndex(new InMemoryDedupStore());
  for (let i = 0; i < inputs.length; i++) {
    const it = inputs[i];
    if (it.parseError !== undefined) {
      out(JSON.stringify({ error: { field: '(root)', message: `invalid JSON: ${it.parseError}` }, index: i }));
      continue;
    }
    const r = RawArticleSchema.safeParse(it.parsed);
    if (!r.success) {
      out(JSON.stringify({ error: firstFieldError(r.error), index: i }));
      continue;
    }
    try {
      const draft = enricher.enrich(r.data);
      const d = await index.assign(draft.id, draft.dedup);
      out(JSON.stringify({ ...draft, dedup: { fingerprint: draft.dedup.fingerprint, ...d } }));
      if (explain) for (const l of explainClaims(i, draft.url, draft.claims)) explainOut(l);
    } catch (e) {
      out(JSON.stringify({ error: { field: '(root)', message: `enrichment failed: ${(e as Error).message}` }, index: i }));
    }
  }
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(String(e?.stack ?? e) + '\n');
      process.exit(0);
    },
  );
}
