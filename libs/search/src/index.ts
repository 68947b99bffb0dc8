export * from './client';
export * from './health';
export * from './template';
export * from './document';
export * from './scan';
export * from './bulk';
export * from './alerts-index';
