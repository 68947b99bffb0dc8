// The engine folds Arabic with the shared table of @marsad/kb (ADR 0015): same forms as the KB keys.
import { aliasKey, foldArabicUnit } from '@marsad/kb';
import { foldText } from './text';

describe('one Arabic normalisation table (ADR 0015)', () => {
  it('foldText folds every Arabic-block unit the shared table changes as the KB keys do', () => {
    for (let c = 0x0600; c <= 0x06ff; c++) {
      const f = foldArabicUnit(c);
      if (f === undefined) continue;
      const s = 'ب' + String.fromCharCode(c) + 'ب';
      expect(foldText(s)).toBe('ب' + f + 'ب');
      expect(foldText(s)).toBe(aliasKey(s));
    }
  });

  it('unifies alef, yaa, taa marbuta and Persian variants', () => {
    expect(foldText('أإآٱ')).toBe('اااا');
    expect(foldText('ى ئ ی ے')).toBe('ي ي ي ي');
    expect(foldText('ة ۀ ە')).toBe('ه ه ه');
    expect(foldText('ک ڪ ؤ')).toBe('ك ك و');
    expect(foldText('٢٠٢٤ ۱۹')).toBe('2024 19');
  });
});
