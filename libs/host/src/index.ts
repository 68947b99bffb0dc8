export * from './observability.module';
export * from './nest-logger';
export * from './run-main';
export * from './pipeline-app.module';
export * from './start-pipeline-service';
export * from './runtime';
