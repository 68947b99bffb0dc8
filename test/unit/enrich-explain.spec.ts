// `bin/marsad enrich --explain`: each claim with the rule that produced it, as human-readable lines on a side
// channel (stderr), while stdout keeps one EnrichedArticle JSON line per article.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainClaims, main } from '../../tools/cli/enrich';

describe('enrich --explain', () => {
  it('formats one line per claim: rule, speaker, verb, text and offsets', () => {
    const lines = explainClaims(3, 'https://x.test/a', [
      {
        speaker: { name: 'Gridco', text: 'Gridco' },
        verb: 'is urging',
        text: 'the fee be cut',
        start: 30,
        end: 44,
        quoted: false,
        rule: 'en-progressive',
      },
      { speaker: { name: 'Xandria', text: 'Xandria' }, verb: 'said', text: 'no', start: 0, end: 2, quoted: true, field: 'title' },
    ] as never);
    expect(lines).toEqual([
      '# article 3: https://x.test/a (2 claims)',
      '  [en-progressive] Gridco — is urging: «the fee be cut» @30-44',
      '  [?] Xandria — said: «no» @0-2 quoted (title)',
    ]);
  });

  it('prints the explanation on the side channel only when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-explain-'));
    const file = join(dir, 'a.json');
    const body = 'The ministry said the new bridge would open in May. Officials said the cost had doubled.';
    writeFileSync(file, JSON.stringify({ url: 'https://x.test/explain', source: { name: 't' }, title: 'Bridge', body, language: 'en' }));
    const out: string[] = [];
    const side: string[] = [];
    await main(
      [file, '--explain'],
      (l) => out.push(l),
      (l) => side.push(l),
    );
    expect(out).toHaveLength(1);
    const art = JSON.parse(out[0]);
    expect(side[0]).toBe(`# article 0: https://x.test/explain (${art.claims.length} claim${art.claims.length === 1 ? '' : 's'})`);
    expect(side).toHaveLength(1 + art.claims.length);
    const quiet: string[] = [];
    await main(
      [file],
      () => undefined,
      (l) => quiet.push(l),
    );
    expect(quiet).toEqual([]);
  });

  it('refuses an unknown option or no input with exit code 2 and writes no article', async () => {
    const out: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--bogus'], (l) => out.push(l))).toBe(2);
      expect(await main([], (l) => out.push(l))).toBe(2);
      expect(String(write.mock.calls[0][0])).toContain('unknown option: --bogus');
      expect(String(write.mock.calls[1][0])).toContain('no input');
    } finally {
      write.mockRestore();
    }
    expect(out).toEqual([]);
  });
});
