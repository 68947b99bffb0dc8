export * from './topics';
export * from './ids';
export * from './schemas';
export * from './errors';
export * from './enriched-check';
