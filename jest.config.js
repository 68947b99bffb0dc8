// Two projects: fast unit tests (pure logic, run in parallel) and e2e tests against the real
// stack (Kafka, Elasticsearch, Redis, SMTP, HTTP receivers), run in band so two suites never
// fight over the 2 cores or the broker. ts-jest transpiles only (isolatedModules): `npm run
// typecheck` is the type gate, which keeps the test run fast.
const moduleNameMapper = { '^@marsad/([^/]+)/nest$': '<rootDir>/libs/$1/src/nest', '^@marsad/([^/]+)$': '<rootDir>/libs/$1/src' };
const transform = { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] };
const common = { rootDir: __dirname, moduleFileExtensions: ['ts', 'js', 'json'], testEnvironment: 'node', transform, moduleNameMapper };
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/jest-timeout.ts'],
      globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
    },
  ],
};
