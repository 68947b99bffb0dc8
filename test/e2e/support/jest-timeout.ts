// `testTimeout` is a global-only jest option (ignored inside a project entry), so the e2e
// project sets its longer timeout here: real Kafka/ES round trips on 2 cores take seconds.
jest.setTimeout(180_000);
