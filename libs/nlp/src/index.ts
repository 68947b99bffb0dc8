// Placeholder API surface of the enrichment engine; the engine itself is being written
// (issue 3). Services code against exactly these names.
export * from './api';
