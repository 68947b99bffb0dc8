// The harness the claims specs share: an Enricher over a spec's small stand-in KB with a fixed clock, and
// the views they assert on. Not a spec itself (jest runs *.spec.ts only).
import type { KbActor } from '@marsad/contracts';
import { Enricher, type EnrichedDraft } from './index';

export type Claim = EnrichedDraft['claims'][number];

/** `enrich(body, language?)`: one article with the given title and URL; `language` defaults to `defaults.language`. */
export function claimsHarness(actors: KbActor[], defaults: { title: string; language?: string; url?: string }) {
  const enricher = new Enricher({ version: 1, actors: () => actors });
  return (body: string, language = defaults.language): EnrichedDraft =>
    enricher.enrich(
      { url: defaults.url ?? 'https://x.test/r', source: { name: 't' }, title: defaults.title, body, language },
      { now: new Date('2026-01-01T00:00:00Z') },
    );
}

/** Every claim's offsets give back its text. */
export const offsetsOk = (out: EnrichedDraft, body: string) => out.claims.every((c) => body.slice(c.start, c.end) === c.text);
/** The rule that produced a claim (the enricher's explain field). */
export const rule = (c: Claim) => (c as Claim & { rule?: string }).rule;
/** The claims whose text contains `needle`, as "speaker | rule". */
export const who = (out: EnrichedDraft, needle: string) =>
  out.claims
    .filter((c) => c.text.includes(needle))
    .map((c) => `${c.speaker.name} | ${rule(c)}`)
    .sort();
/** All claims as "speaker | verb | text". */
export const all = (out: EnrichedDraft) => out.claims.map((c) => `${c.speaker.name} | ${c.verb} | ${c.text}`).sort();
/** Every mention text of every actor (of `type`, when given); throws when a mention's offsets do not give back its text. */
export function actorMentions(out: EnrichedDraft, body: string, type?: string): string[] {
  const r: string[] = [];
  for (const a of out.actors) {
    if (type && a.type !== type) continue;
    for (const m of a.mentions) {
      // throws rather than expect(): this file is also compiled by the build, without jest's globals
      if (body.slice(m.start, m.end) !== m.text)
        throw new Error(`mention "${m.text}" at ${m.start}-${m.end} is "${body.slice(m.start, m.end)}" in the body`);
      r.push(m.text);
    }
  }
  return r;
}
