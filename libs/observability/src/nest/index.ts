export * from './observability.module';
export * from './nest-logger';
