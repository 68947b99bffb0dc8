import * as fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Enricher,
  InMemoryDedupStore,
  NearDuplicateIndex,
  simhash,
  sketch,
  sketchArticle,
  hamming,
  fingerprintArticle,
  DEDUP_MAX_HAMMING,
  DEDUP_LSH_BANDS,
  detectLanguage,
  foldWithMap,
  tokenize,
  arabicVariants,
  splitSentences,
  detectBoilerplate,
  normalizeForSearch,
  Gazetteer,
} from './index';
import type { KbActor } from '@marsad/contracts';

const KB: KbActor[] = [
  { id: 'country:RU', name: 'Russia', type: 'country', aliases: ['روسيا', 'الروسية', 'الروسي', 'Russian', 'Россия', 'России', 'Moscow'] },
  {
    id: 'country:US',
    name: 'United States',
    type: 'country',
    aliases: ['US', 'U.S.', 'الولايات المتحدة', 'الأميركية', 'الأمريكيين', 'واشنطن', 'Washington'],
  },
  {
    id: 'org:kaspersky-lab',
    name: 'Kaspersky Lab',
    type: 'organization',
    aliases: ['Kaspersky', 'كاسبرسكي', 'كاسبرسكي لاب', 'Касперский'],
  },
  { id: 'org:microsoft', name: 'Microsoft', type: 'organization', aliases: ['مايكروسوفت'] },
  { id: 'org:apple', name: 'Apple', type: 'organization', aliases: [] },
  { id: 'org:kremlin', name: 'Kremlin', type: 'organization', aliases: ['الكرملين', 'Кремль'] },
  { id: 'person:dmitry-peskov', name: 'Dmitry Peskov', type: 'person', aliases: ['دميتري بيسكوف', 'Дмитрий Песков'] },
];
const kb = { version: 1, actors: () => KB };
const enricher = new Enricher(kb);
const enrich = (body: string, title?: string, language?: string) =>
  enricher.enrich({ url: 'https://x.test/a', source: { name: 't' }, body, title, language }, { now: new Date('2024-01-01T00:00:00Z') });

function offsetsValid(out: ReturnType<typeof enrich>, body: string, title = ''): boolean {
  for (const a of out.actors)
    for (const m of a.mentions) if ((m.field === 'title' ? title : body).slice(m.start, m.end) !== m.text) return false;
  for (const c of out.claims) if ((c.field === 'title' ? title : body).slice(c.start, c.end) !== c.text) return false;
  return true;
}

describe('text: folding with offset maps', () => {
  it('folds Arabic variants and maps back to the original', () => {
    const src = 'قالَ الرئيسُ إنّ أمريكا ـــ والإمارات';
    const f = foldWithMap(src);
    expect(f.text).not.toMatch(/[\u064B-\u0652\u0640]/);
    expect(f.text).toContain('امريكا');
    for (let k = 0; k < f.text.length; k++) expect(f.origStart[k]).toBeLessThan(src.length);
    const toks = tokenize(src, f);
    for (const t of toks) expect(src.slice(t.start, t.end).length).toBeGreaterThan(0);
    expect(toks.map((t) => t.norm)).toContain('امريكا');
  });
  it('normalizeForSearch unifies letters and drops bidi marks', () => {
    expect(normalizeForSearch('\u200Fالإمارات  مدرسة\u200E')).toBe('الامارات مدرسه');
  });
  it('tokeniser keeps clitics in the token; variants strip them', () => {
    const v = arabicVariants('وبالولايات').map((x) => x.form);
    expect(v).toEqual(expect.arrayContaining(['وبالولايات', 'بالولايات', 'الولايات', 'ولايات']));
    expect(arabicVariants('للامريكيين').map((x) => x.form)).toContain('الامريكيين');
  });
});

describe('sentences and boilerplate', () => {
  it('splits on Latin/Arabic punctuation, not on abbreviations or Arabic comma', () => {
    const s = 'Mr. Smith met Dr. Jones in the U.S. on Friday. He left! قال، ثم ذهب. هل جاء؟ نعم';
    const parts = splitSentences(s).map((x) => s.slice(x.start, x.end));
    expect(parts[0]).toBe('Mr. Smith met Dr. Jones in the U.S. on Friday.');
    expect(parts).toContain('قال، ثم ذهب.');
    expect(parts.length).toBe(5);
  });
  it('marks caption, title and duplicate lines without shifting offsets', () => {
    const title = 'عنوان الخبر هنا';
    const body =
      'عنوان الخبر هنا\nقرصنة إلكترونية. أرشيفية - تعبيرية\nأعلنت الشركة أمرا مهما جدا اليوم.\nأعلنت الشركة أمرا مهما جدا اليوم.';
    const spans = detectBoilerplate(body, title);
    expect(spans.map((s) => s.reason)).toEqual(['title', 'caption', 'duplicate']);
    expect(body.slice(spans[1].start, spans[1].end)).toBe('قرصنة إلكترونية. أرشيفية - تعبيرية');
  });
});

describe('language identification', () => {
  it.each([
    ['ar', 'قال المتحدث باسم الكرملين إن القرار الأميركي غير عادل وإن الشركة ستلجأ إلى القضاء'],
    ['fa', 'این یک متن فارسی است که برای آزمایش نوشته شده و گفت که کشور باید پیشرفت کند'],
    ['en', 'The minister said that the government would not change its policy on the issue.'],
    ['fr', 'Le ministre a déclaré que le gouvernement ne changera pas sa politique sur la question.'],
    ['es', 'El ministro dijo que el gobierno no cambiará su política sobre la cuestión.'],
    ['de', 'Der Minister sagte, dass die Regierung ihre Politik in dieser Frage nicht ändern wird.'],
    ['tr', 'Bakan, hükümetin bu konudaki politikasını değiştirmeyeceğini söyledi ve bu çok önemli bir karar.'],
    ['ru', 'Министр заявил, что правительство не будет менять свою политику по этому вопросу.'],
    ['zh', '部长表示，政府不会改变在这个问题上的政策。'],
  ])('%s', (code, text) => {
    const g = detectLanguage(text);
    expect(g.code).toBe(code);
    expect(g.confidence).toBeGreaterThan(0.3);
  });
  it('short and empty texts', () => {
    expect(detectLanguage('').code).toBe('und');
    expect(detectLanguage('گفت').code).toBe('fa');
    expect(detectLanguage('قال').code).toBe('ar');
  });
});

describe('gazetteer', () => {
  const g = new Gazetteer(KB);
  const run = (s: string) => g.match(s, tokenize(s)).map((m) => [m.actorId, s.slice(m.start, m.end)]);
  it('matches after Arabic proclitics with the clitic outside the mention', () => {
    expect(run('وقالت روسيا وبالولايات المتحدة')).toEqual([
      ['country:RU', 'روسيا'],
      ['country:US', 'الولايات المتحدة'],
    ]);
    expect(run('للأمريكيين')).toEqual([['country:US', 'للأمريكيين']]);
  });
  it('case rules: US only upper-case, Apple capitalised', () => {
    expect(run('let us go to the US')).toEqual([['country:US', 'US']]);
    expect(run('an apple a day, said Apple')).toEqual([['org:apple', 'Apple']]);
  });
  it('longest match wins', () => {
    expect(run('شركة كاسبرسكي لاب الروسية')[0]).toEqual(['org:kaspersky-lab', 'كاسبرسكي لاب']);
  });
});

describe('actors and claims', () => {
  it('cross-script identity', () => {
    const ids = [
      'قال الكرملين إن القرار خاطئ',
      'The Kremlin said the decision was wrong.',
      'Кремль заявил, что решение было ошибочным.',
    ].map((b) => enrich(b).actors.map((a) => a.id));
    for (const x of ids) expect(x).toContain('org:kremlin');
  });
  it('Arabic VSO with title + name apposition', () => {
    const body = 'وقال المتحدث باسم الكرملين، دميتري بيسكوف، إن شركة كاسبرسكي شركة "تنافسية جدا" في الأسواق الدولية.';
    const out = enrich(body);
    expect(out.claims[0].speaker.actorId).toBe('person:dmitry-peskov');
    expect(out.claims[0].text.startsWith('شركة كاسبرسكي')).toBe(true);
    expect(out.claims[0].text.endsWith('الدولية')).toBe(true);
  });
  it('Arabic title + comma + unknown name becomes a person; pronoun speaker resolves', () => {
    const body =
      'وذكرت وزيرة التجارة الأميركية، جينا رايموندو، للصحفيين أن "روسيا أظهرت القدرة على الاستغلال".\nوصرحت كاسبرسكي بأنها ستسلك السبل القانونية. وقالت إنها تعتقد أن القرار لم يستند إلى تقييم شامل.';
    const out = enrich(body);
    const p = out.actors.find((a) => a.name === 'جينا رايموندو');
    expect(p?.type).toBe('person');
    expect(out.claims.map((c) => c.speaker.actorId)).toEqual([p!.id, 'org:kaspersky-lab', 'org:kaspersky-lab']);
    expect(out.claims[0].quoted).toBe(true);
    expect(out.claims[2].text.startsWith('تعتقد')).toBe(true);
  });
  it('English quote patterns and pronouns', () => {
    const body =
      'Tony Blair has rejected calls for an inquiry. "That is what I say," Mr Blair told reporters. He said the matter had been dealt with many times.\n"It is a fair summary," said Tony Blair.';
    const out = enrich(body);
    const blair = out.actors.find((a) => a.name === 'Tony Blair')!;
    expect(blair.type).toBe('person');
    expect(out.claims.every((c) => c.speaker.actorId === blair.id)).toBe(true);
    const texts = out.claims.map((c) => [c.text, c.quoted]);
    expect(texts).toEqual(
      expect.arrayContaining([
        ['That is what I say', true],
        ['the matter had been dealt with many times', false],
        ['It is a fair summary', true],
      ]),
    );
  });
  it('according to, accusations and denials', () => {
    const out = enrich('Microsoft Corp accused Russian hackers of attacking US targets. According to Kaspersky, the attacks were routine.');
    expect(out.claims.map((c) => [c.speaker.actorId, c.kind])).toEqual([
      [expect.stringContaining('org:'), 'accusation'],
      ['org:kaspersky-lab', 'statement'],
    ]);
    expect(out.claims[0].text).toBe('Russian hackers of attacking US targets');
  });
  it('Arabic according-to, subject-verb order and quoted sources', () => {
    const out = enrich(
      'وبحسب مايكروسوفت، فإن قراصنة من روسيا كثفوا هجماتهم هذا العام.\nوكان المتحدث باسم الكرملين دميتري بيسكوف قال، الخميس، إن الاتهامات لا أساس لها.\nونقلت رويترز عن مسؤول في الكرملين قوله إن "الأنباء عن الهجمات غير صحيحة".',
    );
    expect(out.claims.map((c) => [c.speaker.actorId, c.text])).toEqual([
      ['org:microsoft', 'قراصنة من روسيا كثفوا هجماتهم هذا العام'],
      ['person:dmitry-peskov', 'الاتهامات لا أساس لها'],
      ['org:kremlin', 'الأنباء عن الهجمات غير صحيحة'],
    ]);
    expect(out.claims[2].quoted).toBe(true);
  });
  it('English inversion, relative clauses and follow-on quotes', () => {
    const body =
      'The deal was a mistake, said Dmitry Peskov. Microsoft, which sells software, insisted it would appeal.\n"We will fight this," Microsoft said. "And we will win."';
    const out = enrich(body);
    expect(out.claims.map((c) => [c.speaker.actorId, c.text])).toEqual([
      ['person:dmitry-peskov', 'The deal was a mistake'],
      ['org:microsoft', 'it would appeal'],
      ['org:microsoft', 'We will fight this'],
      ['org:microsoft', 'And we will win'],
    ]);
  });
  it('output contract fields', () => {
    const out = enrich('قالت مايكروسوفت إن قراصنة من روسيا شنوا هجمات.', 'عنوان');
    expect(out.schemaVersion).toBe(1);
    expect(out.languageDetection.extractor).toBe('ar-rules-v1');
    expect(out.actorIds).toEqual(out.actors.map((a) => a.id));
    expect(out.claimSpeakerIds).toEqual(['org:microsoft']);
    expect(out.dedup.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(enrich('Der Minister sagte, dass Russland...', undefined).languageDetection.extractor).toBe('gazetteer-only');
  });
  it('rebuilds the gazetteer when the KB version changes', () => {
    const actors = [...KB];
    const live = { version: 1, actors: () => actors };
    const e = new Enricher(live);
    const raw = { url: 'u', source: { name: 's' }, body: 'Zorblax Widgets said profits rose sharply this year.' };
    expect(e.enrich(raw).actors.some((a) => a.id === 'org:zorblax')).toBe(false);
    actors.push({ id: 'org:zorblax', name: 'Zorblax Widgets', type: 'organization', aliases: [] });
    live.version = 2;
    expect(e.enrich(raw).actors.some((a) => a.id === 'org:zorblax')).toBe(true);
  });
});

describe('near-duplicates', () => {
  const a =
    'The Kremlin said on Friday that the US decision to ban sales of Kaspersky antivirus software was a typical move by Washington to crush foreign competition with American products. The Biden administration announced on Thursday that it would ban the sale of the software in the United States, citing the Kremlin influence over the company, which it said posed a significant security risk. Kaspersky said it would pursue legal options to preserve its operations.';
  it('light edits stay close; different stories are far', () => {
    const b = a.replace('on Friday', 'on Saturday').replace('typical', 'standard') + ' Read more.';
    const c =
      'Tony Blair has rejected calls for the publication of advice on the legality of the Iraq war amid growing calls for an investigation. The prime minister told his monthly press conference the matter had been dealt with by the Attorney General.';
    expect(hamming(simhash(a), simhash(b))).toBeLessThanOrEqual(DEDUP_MAX_HAMMING);
    expect(hamming(simhash(a), simhash(c))).toBeGreaterThan(DEDUP_MAX_HAMMING);
  });
  it('LSH keys: a light edit shares some, a different story none', () => {
    const ka = sketch(a).lshKeys;
    expect(ka).toHaveLength(DEDUP_LSH_BANDS);
    expect(new Set(ka).size).toBe(DEDUP_LSH_BANDS);
    const kb = new Set(sketch(a.replace('on Friday', 'on Saturday').replace('typical', 'standard') + ' Read more.').lshKeys);
    const kc = new Set(
      sketch(
        'Tony Blair has rejected calls for the publication of advice on the legality of the Iraq war amid growing calls for an investigation.',
      ).lshKeys,
    );
    expect(ka.filter((k) => kb.has(k)).length).toBeGreaterThan(0);
    expect(ka.filter((k) => kc.has(k))).toEqual([]);
    expect(sketch('').lshKeys).toEqual([]);
    expect(sketch('one').lshKeys).toHaveLength(DEDUP_LSH_BANDS);
  });
  it('assigns clusters through the store', async () => {
    const idx = new NearDuplicateIndex(new InMemoryDedupStore());
    const r1 = await idx.assign('a1', sketch(a));
    const r2 = await idx.assign('a2', sketch('BREAKING: ' + a.replace('typical', 'standard')));
    const r3 = await idx.assign(
      'a3',
      sketch('Completely different text about football results and the weather in Spain this weekend, with goals.'),
    );
    expect(r1).toEqual({ clusterId: 'a1' });
    expect(r2).toEqual({ clusterId: 'a1', duplicateOf: 'a1' });
    expect(r3).toEqual({ clusterId: 'a3' });
    expect(await idx.assign('a2', sketch(a))).toEqual({ clusterId: 'a1', duplicateOf: 'a1' });
  });
});

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
(existsSync(CORPUS) ? describe : describe.skip)('near-duplicates on the shared corpus', () => {
  const arts: { title: string; body: string }[] = [];
  for (const l of ['ar', 'en'])
    for (const f of readdirSync(join(CORPUS, l))) arts.push(JSON.parse(readFileSync(join(CORPUS, l, f), 'utf8')));
  it('no false duplicates among the corpus articles', () => {
    const fps = arts.map((x) => fingerprintArticle(x.title, x.body));
    for (let i = 0; i < fps.length; i++)
      for (let j = i + 1; j < fps.length; j++) expect(hamming(fps[i], fps[j])).toBeGreaterThan(DEDUP_MAX_HAMMING);
  });
  // counts what each lookup returns, to check the LSH keys stay selective
  class CountingStore extends InMemoryDedupStore {
    returned = 0;
    override async candidates(keys: string[]) {
      const c = await super.candidates(keys);
      this.returned += c.length;
      return c;
    }
  }
  // at 7% the SimHash verdict (<= 12 bits) already rejects ~1 copy in 5: the LSH lookup must lose none of the rest
  for (const [editRate, minShare] of [
    [0.02, 0.95],
    [0.07, 0.75],
  ] as const) {
    it(`retitled, syndicated copies with boilerplate and ${editRate * 100}% of words edited stay duplicates; lookups return only the story's copies`, async () => {
      const store = new CountingStore();
      const idx = new NearDuplicateIndex(store);
      for (let i = 0; i < arts.length; i++) await idx.assign(`orig-${i}`, sketchArticle(arts[i].title, arts[i].body));
      // originals are unrelated: their lookups found (almost) nothing
      expect(store.returned).toBeLessThanOrEqual(2);
      store.returned = 0;
      let seed = 7;
      const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      let same = 0;
      let close = 0;
      for (let i = 0; i < arts.length; i++) {
        const words = arts[i].body.split(' ').map((w) => (rnd() < editRate ? 'تعديل' : w));
        const body = 'صورة: أرشيفية\n' + words.join(' ') + '\nRead more: https://example.org';
        const copy = sketchArticle('UPDATED: ' + arts[i].title, body);
        if (hamming(copy.fingerprint, fingerprintArticle(arts[i].title, arts[i].body)) <= DEDUP_MAX_HAMMING) close++;
        const r = await idx.assign(`copy-${i}`, copy);
        if (r.clusterId === `orig-${i}`) same++;
      }
      expect(same).toBeGreaterThanOrEqual(Math.floor(arts.length * minShare));
      expect(same).toBe(close);
      // each copy's lookup returned its original and at most a stray other entry
      expect(store.returned).toBeLessThanOrEqual(arts.length + 4);
    });
  }
});

describe('properties', () => {
  const noise = fc.constantFrom(
    '\u200E',
    '\u200F',
    '\u202A',
    '\u202B',
    '\u202C',
    '\u202D',
    '\u202E',
    '<p>',
    '</b>',
    '&amp;',
    '"',
    '«',
    '»',
    '،',
    '.',
    '\n',
    ' ',
    'قال',
    'إن',
    'said',
    'Mr',
    'Kaspersky',
    'كاسبرسكي',
    'ـ',
    '\u064E',
    'é',
    '😀',
    '\uD800',
  );
  const textArb = fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 }), noise), { maxLength: 60 })
    .map((xs) => xs.join(''));
  it('never throws and every offset is valid', () => {
    fc.assert(
      fc.property(textArb, textArb, (body, title) => {
        const out = enrich(body, title);
        return offsetsValid(out, body, title);
      }),
      { numRuns: 300 },
    );
  });
  it('fold map is monotonic and within bounds', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const f = foldWithMap(s);
        for (let k = 0; k < f.text.length; k++) {
          if (f.origEnd[k] > s.length || (k && f.origStart[k] < f.origStart[k - 1])) return false;
        }
        return tokenize(s, f).every((t) => t.end <= s.length && t.start < t.end);
      }),
      { numRuns: 300 },
    );
  });
  it('handles an empty body and a 2 MB body', () => {
    expect(enrich('').actors).toEqual([]);
    const para = 'وقالت مايكروسوفت إن قراصنة من روسيا شنوا هجمات. "This is fine," said Kaspersky.\n';
    const big = para.repeat(Math.ceil((2 * 1024 * 1024) / para.length));
    const out = enrich(big); // (a quadratic step would show up as the jest timeout; speed is bench:enrich's job)
    expect(offsetsValid(out, big)).toBe(true);
  });
});

describe('the enriched object', () => {
  it('keeps the raw keys first, in their order, then the engine keys, as the spread literal it replaced', () => {
    const raw = JSON.parse(
      '{"language":"en","url":"https://x.test/b","__proto__":{"a":1},"metadata":{"k":2},"source":{"name":"t"},"id":"given","body":"Russia said so."}',
    );
    const now = new Date('2024-01-01T00:00:00Z');
    const out = enricher.enrich(raw, { now }) as unknown as Record<string, unknown>;
    // the oracle: the literal `{ ...raw, k: v, ... }` with the engine's own values
    const oracle: Record<string, unknown> = { ...raw, schemaVersion: out.schemaVersion, id: out.id, language: out.language };
    for (const k of Object.keys(out)) if (!(k in oracle)) oracle[k] = out[k];
    expect(Object.keys(out)).toEqual(Object.keys(oracle));
    expect(JSON.stringify(out)).toBe(JSON.stringify(oracle));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(Object.keys(out).slice(0, 8)).toEqual(['language', 'url', '__proto__', 'metadata', 'source', 'id', 'body', 'schemaVersion']);
    // without the odd key: the same order
    const plain = enricher.enrich({ url: 'https://x.test/c', source: { name: 't' }, body: 'Russia said so.' }, { now });
    expect(Object.keys(plain).slice(0, 5)).toEqual(['url', 'source', 'body', 'schemaVersion', 'id']);
  });
});
