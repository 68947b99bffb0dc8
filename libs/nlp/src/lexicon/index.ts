// The engine's word lists, one place (ADR 0015): shared.ts (helpers, lists of both languages), en.ts, ar.ts.
// Engine modules import the language module directly; this index serves tests and tools.
export * from './shared';
export * from './en';
export * from './ar';
