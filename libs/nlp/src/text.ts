// Text handling: character folding for matching with an offset map back into the ORIGINAL text,
// tokenisation (Arabic-clitic aware), sentence splitting and boilerplate detection. The code lives
// in text-fold.ts, text-tokens.ts, text-sentences.ts and text-boilerplate.ts (split by concern);
// this module keeps the one import path the engine and its tests use.

export {
  codesToString,
  foldWithMap,
  scriptMix,
  foldText,
  isWordCode,
  nfc,
  normalizeForSearch,
  codeUnitTable,
  letterNumberTable,
} from './text-fold';
export type { Folded } from './text-fold';
export { tokenize, arabicVariants, tokenVariants, variantSlots } from './text-tokens';
export type { Script, Token, CliticVariant } from './text-tokens';
export { splitSentences, ABBREV } from './text-sentences';
export type { Sentence } from './text-sentences';
export { detectBoilerplate, inSpans } from './text-boilerplate';
export type { Span } from './text-boilerplate';
