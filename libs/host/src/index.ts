export * from './observability.module';
export * from './nest-logger';
export * from './run-main';
export * from './runtime';
export * from './service-host';
export * from './service-host.module';
