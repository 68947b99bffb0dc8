// `marsad enrich --threads`: the routing hint that gives each worker thread one script (ADR 0022).
import { scriptClass } from '../../tools/cli/enrich';

const line = (title: string, body: string) => ({ text: JSON.stringify({ url: 'https://x.test/a', source: { name: 't' }, title, body }) });

describe('scriptClass (routing hint of the worker threads)', () => {
  it('sends Arabic articles to the Arabic workers, everything else to the others', () => {
    expect(scriptClass(line('قال الرئيس', 'قال الرئيس إن المحادثات ستستأنف الأسبوع المقبل'))).toBe(1);
    expect(scriptClass(line('Talks resume', 'The president said talks would resume next week'))).toBe(0);
    // an English title over an Arabic body: the body's letters decide
    expect(scriptClass(line('Gaza', 'قال المتحدث باسم الوزارة إن القصف استمر طوال الليل على المدينة'))).toBe(1);
    expect(scriptClass(line('', ''))).toBe(0);
    expect(scriptClass({ readError: 'x: ENOENT' })).toBe(0);
    expect(scriptClass({ text: 'not json {' })).toBe(0);
  });
});
