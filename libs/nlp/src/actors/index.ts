// Actor extraction: gazetteer (KB) matches plus rules for actors the KB does not know. Layout: ADR 0015.

export { ActorSet, kbActors, ruleActorId, type ActorAcc, type ExtractCtx, type MentionX } from './shared';
export { latinRuleActors } from './en/rules';
export { arabicRuleActors } from './ar/rules';
export { arAmbiguousAliases } from './ar/ambiguous';
export { arKbInsideNames } from './ar/inside-names';
export { arInstitutionNames } from './ar/institutions';
export { arVerbOf, variantEndFilter } from './ar/names';
export { administrations, arCorporateHeadVariants, arShortBodyNames, linkSurnames } from './link';
export { arabicLexiconPersons, arHonorificPersons } from './ar/given-names';
export { acronymDefinitions, arFamilyNames, arHonorificNames, arTitleGovernments, isPlatformUse, productOrPlatformUse } from './cues';
export { creditTokens } from './credits';
export { arPatronymicChains } from './ar/patronymic';
export { arBracketShortNames, arOutletSpokenTo } from './ar/outlets';
export { arKbBodyNisba } from './ar/nisba';
