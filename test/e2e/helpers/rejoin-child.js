// A bare kafkajs group member for test/e2e/rejoin.e2e.ts, run as its own process so that the test
// can kill -9 it: prints one JSON line per group join and per message it consumes.
// Usage: node rejoin-child.js <brokers> <topic> <groupId> <sessionTimeoutMs> <heartbeatMs>
const { Kafka, logLevel } = require('kafkajs');

const [brokers, topic, groupId, sessionTimeout, heartbeatInterval] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify({ t: Date.now(), ...o }) + '\n');
const kafka = new Kafka({ clientId: 'rejoin-child', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({
  groupId,
  sessionTimeout: Number(sessionTimeout),
  heartbeatInterval: Number(heartbeatInterval),
  maxWaitTimeInMs: 200,
});
consumer.on(consumer.events.GROUP_JOIN, (e) => out({ event: 'join', assignment: e.payload.memberAssignment[topic] ?? [] }));
(async () => {
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachMessage: async ({ partition, message }) => out({ event: 'msg', partition, offset: message.offset }) });
})().catch((err) => {
  out({ event: 'error', error: String(err) });
  process.exit(1);
});
