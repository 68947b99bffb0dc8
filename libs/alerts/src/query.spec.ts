import { CompiledQuery, DocumentText, QueryParseError, parseQuery } from './query';

const doc = (title: string, body: string) => DocumentText.of(title, body);

describe('keyword query language', () => {
  const d = doc(
    'Kaspersky warns of breach',
    'Researchers at Kaspersky Lab said the data leak affected banks. "No comment", said a press release.',
  );

  it.each([
    ['kaspersky', true],
    ['KASPERSKY AND breach', true],
    ['kaspersky breach', true],
    ['kaspersky AND microsoft', false],
    ['kaspersky AND (microsoft OR leak)', true],
    ['microsoft OR banks', true],
    ['kaspersky NOT microsoft', true],
    ['kaspersky AND NOT "press release"', false],
    ['kaspersky -banks', false],
    ['"kaspersky lab"', true],
    ['"lab kaspersky"', false],
    ['research*', true],
    ['resea* AND NOT (banks OR leak)', false],
    ['kaspersky && (x || leak)', true],
  ])('%s → %s', (q, expected) => {
    expect(new CompiledQuery(q).match(d).matched).toBe(expected);
  });

  it('reports the positive terms that matched, not negated ones nor failed branches', () => {
    const r = new CompiledQuery('(kaspersky AND microsoft) OR (leak AND banks) NOT zebra').match(d);
    expect(r.matched).toBe(true);
    expect(r.terms.sort()).toEqual(['banks', 'leak']);
  });

  it('normalises Arabic letter variants and diacritics', () => {
    const ar = doc('', 'قالت شركة كاسبرسكي إن الهجوم أصاب مؤسسةً');
    expect(new CompiledQuery('كاسبرسكى').match(ar).matched).toBe(true); // alef maqsura vs ya
    expect(new CompiledQuery('"الهجوم اصاب"').match(ar).matched).toBe(true); // hamza folded
    expect(new CompiledQuery('مؤسسة').match(ar).matched).toBe(true); // tanween, hamza seat, ta marbuta
  });

  it.each([
    ['', 0, /empty query/],
    ['kaspersky AND', 13, /expected a term/],
    ['(kaspersky OR breach', 20, /expected "\)"/],
    ['kaspersky)', 9, /unmatched "\)"/],
    ['"kaspersky lab', 0, /unterminated phrase/],
    ['a OR OR b', 5, /expected a term/],
    ['NOT kaspersky', 0, /at least one term/],
    ['x*', 0, /at least 2 characters/],
  ])('parse error for %j at position %d', (q, pos, msg) => {
    try {
      parseQuery(q);
      throw new Error('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(QueryParseError);
      expect((err as QueryParseError).position).toBe(pos);
      expect((err as Error).message).toMatch(msg);
      expect((err as Error).message).toMatch(/at position \d+/);
    }
  });

  it('computes index anchors', () => {
    expect([...new CompiledQuery('a AND (b OR c)').anchors!].sort()).toEqual(['a']);
    expect([...new CompiledQuery('(b OR c) AND "x y"').anchors!].sort()).toEqual(['x']);
    expect([...new CompiledQuery('a OR "b c" OR pre*').anchors!].sort()).toEqual(['a', 'b', 'pre*']);
    expect(new CompiledQuery('a OR NOT b').anchors).toBeUndefined();
  });
});

describe('tokenize (table-driven) equals the regex tokenizer', () => {
  const { tokenize, tokenizeWithRegex } = require('./text') as typeof import('./text');
  it.each([
    'Kaspersky said on Monday: “no breach”, CEO Eugene Kaspersky (55) told Reuters.',
    'قالت شركة كاسبرسكي إنَّ الاختراق لم يحدث، وأكدت وزارة الخارجية الأمريكية ذلك.',
    'Касперский заявил, что взлома не было; café naïve Zürich — 5㎏ ①② ﻻ 𝐀𝐁𝐂 😀 text𝟙𝟚',
    'ﻛﺎﺳﺒﺮﺳﻜﻲ presentation forms, tatweel كـــاسبرسكي, full-width ＡＢＣ１２３',
    '',
  ])('%s', (s) => {
    expect(tokenize(s)).toEqual(tokenizeWithRegex(s));
  });
});
