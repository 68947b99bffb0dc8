// test:faults — the load: distinct articles at FAULTS_RATE per second, some about the watched actor,
// some poison.
import { randomBytes } from 'node:crypto';
import { articleIdFromUrl } from '@marsad/contracts';
import { N, ns } from './clients';
import { POISON_PCT, RATE, root, sleep, state } from './env';
import { demoWords } from '../../tools/support/words';

// ---------------------------------------------------------------------------------------------
// Load: distinct articles (random sentences, so near-duplicate detection folds none of them), 10%
// mentioning Kaspersky (the watch), ~1% poison (invalid JSON, schema violation, bytes that are not UTF-8)

let WORDS: string[] = [];
export function loadWords(): void {
  WORDS = demoWords(root);
}
export const sentence = () => Array.from({ length: 14 }, () => WORDS[Math.floor(Math.random() * WORDS.length)]).join(' ');

export const published = new Map<string, { kaspersky: boolean }>(); // valid article id → ...
export const poison = new Set<string>(); // poison keys published
let seq = 0;

function nextMessage(): { key: string; value: Buffer; valid?: { id: string; kaspersky: boolean } } {
  const i = seq++;
  if (POISON_PCT > 0 && i % Math.round(100 / POISON_PCT) === 50) {
    const key = `poison-${ns}-${i}`;
    const kind = Math.floor(i / Math.round(100 / POISON_PCT)) % 3;
    const value =
      kind === 0
        ? Buffer.from(`{"url":"https://faults.example.com/${i}","title":"broken`)
        : kind === 1
          ? Buffer.from(JSON.stringify({ url: `https://faults.example.com/poison/${i}`, title: 'no body', language: 'en' }))
          : Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28]);
    return { key, value };
  }
  const kaspersky = i % 10 === 3;
  const url = `https://faults.example.com/${ns}/news/${i}-${randomBytes(3).toString('hex')}`;
  const body = kaspersky
    ? `Kaspersky said on ${new Date().toDateString()} that ${sentence()}. ${sentence()}. According to Kaspersky, ${sentence()}. ${sentence()} ${i}.`
    : `${sentence()}. ${sentence()}. ${sentence()} ${i}.`;
  const a = {
    url,
    source: { name: 'Faults News', domain: 'faults.example.com' },
    title: `${kaspersky ? 'Kaspersky: ' : ''}${sentence().slice(0, 60)}`,
    body,
    language: 'en',
    publishedAt: new Date().toISOString(),
  };
  const id = articleIdFromUrl(url);
  return { key: id, value: Buffer.from(JSON.stringify(a)), valid: { id, kaspersky } };
}

export async function runLoad(): Promise<void> {
  const perTick = Math.max(1, Math.round(RATE / 10));
  let pending: ReturnType<typeof nextMessage>[] = [];
  while (state.loadOn) {
    const tick = Date.now();
    if (!pending.length) pending = Array.from({ length: perTick }, () => nextMessage());
    try {
      // The same batch is retried until Kafka takes it (a broker restart): nothing is skipped.
      await state.producer!.send({ topic: N.topic('articlesRaw'), messages: pending.map((m) => ({ key: m.key, value: m.value })) });
      for (const m of pending) {
        if (m.valid) published.set(m.valid.id, { kaspersky: m.valid.kaspersky });
        else poison.add(m.key);
      }
      pending = [];
    } catch {
      state.sendErrors++;
    }
    await sleep(Math.max(0, 100 - (Date.now() - tick)));
  }
}
