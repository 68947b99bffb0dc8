// The actor knowledge base (issue 3): data files (libs/kb/data) + loader. See libs/kb/README.md.
export { aliasKey, dedupeByKey, slugify } from './keys';
export { ARABIC_LETTER_FOLDS, arabicDigit, foldArabicUnit, isArabicMark } from './arabic';
export { countryIdFromIso2, iso2FromCountryId, buildCountries } from './countries';
export type { CountryOverride, CountriesFile } from './countries';
export { arabicNisbaForms, arabicDefaultNisba, russianAdjectiveForms, russianNounForms } from './inflect';
export { KnowledgeBase, validateActor, ID_PREFIX_BY_TYPE } from './knowledge-base';
export type { KbChangeEvent, KbListener, KbSearchHit, KbAliasEntry } from './knowledge-base';
export { loadKnowledgeBase, loadKbActors, resolveDataDir, KB_DATA_FILES } from './loader';
export type { LoadKnowledgeBaseOptions, KbLoadReport } from './loader';
