import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Filler vocabulary for load generators (bench:alerts, test:faults): random sentences over many words
// stay distinct, so near-duplicate detection does not fold the generated articles into one story.
const FALLBACK_WORDS =
  'security researchers report campaign network attack ministry bank energy grid phishing malware ransomware exploit vulnerability patch government agency statement investigation company espionage data breach leak servers customers regulators sanctions court appeal hackers group operation infrastructure warning analysts telecom election officials cloud software update email credentials access persistent backdoor firmware supply chain defence contractor'.split(
    ' ',
  );

/** Lower-case English words (over 3 letters) of demo/articles bodies; a fixed list when there are 200 or fewer. */
export function demoWords(root: string): string[] {
  const dir = join(root, 'demo', 'articles');
  if (!existsSync(dir)) return FALLBACK_WORDS;
  const words = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const a = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { body?: string };
    for (const w of String(a.body ?? '').split(/[^A-Za-z]+/)) if (w.length > 3 && w.toLowerCase() === w) words.add(w);
  }
  return words.size > 200 ? [...words] : FALLBACK_WORDS;
}
