// creditSpans tests a cheap cue (contributed / reporting by / editing by / writing by, any case) before its per-line
// contributor pattern (ADR 0022, fifth session): every form the pattern accepts must still be found, in any case.
import { creditSpans } from './actors/credits';

describe('creditSpans contributor lines behind the cue pre-check', () => {
  const lines = [
    'Jane Doe contributed to this report.',
    'John Roe CONTRIBUTED REPORTING from Kyiv.',
    'Jane Doe contributed writing.',
    'Reporting by Jane Doe; Editing by John Roe',
    'WRITING BY Jane Doe',
    'Additional editing by John Roe',
  ];
  it.each(lines)('finds "%s" as its own line', (line) => {
    const body = `The minister said talks would resume.\n${line}\nMore text follows here.`;
    const start = body.indexOf(line);
    expect(creditSpans(body)).toContainEqual({ start: start - 1, end: start + line.length });
  });
  it('finds nothing in a body without a cue', () => {
    expect(creditSpans('The minister said talks would resume.\nHe contributes little, reporters said.')).toEqual([]);
  });
});
