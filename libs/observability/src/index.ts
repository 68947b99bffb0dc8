export * from './logger';
export * from './metrics';
export * from './health';
export * from './service-logger';
export * from './timeout';
