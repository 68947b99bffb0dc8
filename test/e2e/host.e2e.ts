/**
 * The service host (libs/host, ADR 0018) on the real stack, with a minimal app: one consumer
 * declared with @EventPattern, a compacted view in readiness, an app readiness check, /status.
 * Checks readiness (one check per dependency, 503 naming the one that is down), that a message is
 * handled and committed, and the shutdown order: stop intake (consumer stopped) → drain (the app's
 * module hooks) → close clients (the app's, then the host's views).
 */
import { readFileSync } from 'node:fs';
import { Controller, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { loadEnricherConfig, mergeEnv } from '@marsad/config';
import { KbChangeSchema, type KbChange } from '@marsad/contracts';
import { createKafka, type ConsumerRunner, type InboundMessage, type CompactedTopicView } from '@marsad/messaging';
import { KafkaBatchContext } from '@marsad/messaging/nest';
import { createLogger } from '@marsad/observability';
import { startService, type RunningService } from '@marsad/host';
import { stackEnv, testLogFile, testNamespace, waitFor } from './support/env';
import { removeNamespace } from './support/cleanup';

jest.setTimeout(120_000);

const ns = testNamespace('host');
const quiet = createLogger('e2e', 'error');
const kafka = createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-host', logger: quiet });

/** What happened, in order, across the three shutdown phases. */
const events: string[] = [];
const handled: string[] = [];
let runner: ConsumerRunner;
let view: CompactedTopicView<KbChange>;
let probeUp = true;

@Controller()
class TestConsumer {
  @EventPattern('articlesRaw')
  handle(@Payload() messages: InboundMessage[], @Ctx() ctx: KafkaBatchContext) {
    for (const m of messages) handled.push(`${ctx.handler.partition}:${m.value?.toString()}`);
  }
}

@Injectable()
class DrainProbe implements OnModuleDestroy {
  onModuleDestroy() {
    events.push(`drain (consumer ${runner.status().state}, view caught up ${view.caughtUp})`);
  }
}

@Module({ controllers: [TestConsumer], providers: [DrainProbe] })
class TestAppModule {}

@Module({})
class EmptyModule {}

let service: RunningService;
const url = (path: string) => `http://127.0.0.1:${service.port}${path}`;

beforeAll(async () => {
  service = await startService(
    'enricher',
    loadEnricherConfig(mergeEnv(stackEnv(ns))),
    { port: 0, logFile: testLogFile(`${ns}-host`) },
    (host) => {
      runner = host.consumer({ topic: 'articlesRaw', stage: 'enrich', maxBatchSize: 10 });
      view = host.view('kb', KbChangeSchema, { readiness: true });
      return {
        module: { module: TestAppModule },
        kafkaTopics: ['articlesRaw'],
        health: [
          {
            name: 'probe',
            check: async () => {
              if (!probeUp) throw new Error('probe is down');
            },
          },
        ],
        status: () => ({ consumer: runner.status().state }),
        close: async () => {
          events.push(`clients (view caught up ${view.caughtUp})`);
        },
      };
    },
  );
});

afterAll(async () => {
  await service?.close();
  await removeNamespace(ns, kafka);
});

test('readiness has one check per dependency and names the one that is down', async () => {
  const report = await waitFor('ready', async () => {
    const res = await fetch(url('/health/ready'));
    return res.ok && ((await res.json()) as { checks: Record<string, unknown> });
  });
  expect(Object.keys(report.checks).sort()).toEqual(['consumer', 'kafka', 'kb', 'probe']);
  probeUp = false;
  const down = await fetch(url('/health/ready'));
  expect(down.status).toBe(503);
  expect(((await down.json()) as { checks: Record<string, { status: string; error?: string }> }).checks.probe).toEqual(
    expect.objectContaining({ status: 'down', error: 'probe is down' }),
  );
  probeUp = true;
  expect((await fetch(url('/health/live'))).status).toBe(200);
  expect(await (await fetch(url('/metrics'))).text()).toContain('marsad_dependency_up');
});

test('the @EventPattern handler consumes the namespaced topic; offsets are committed after it', async () => {
  await runner.joined;
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic: `${ns}.marsad.articles.raw`, messages: [{ key: 'a', value: 'one', partition: 0 }] });
  await producer.disconnect();
  await waitFor('handled', async () => handled.includes('0:one'));
  const admin = kafka.admin();
  await admin.connect();
  const committed = await waitFor('committed', async () => {
    const [t] = await admin.fetchOffsets({ groupId: `${ns}.marsad.enricher`, topics: [`${ns}.marsad.articles.raw`] });
    return t.partitions.find((p) => p.partition === 0 && p.offset === '1');
  });
  await admin.disconnect();
  expect(committed.offset).toBe('1');
  expect(await (await fetch(url('/status'))).json()).toEqual({ consumer: 'running' });
});

test('a start that fails half way (port taken) rejects and closes what it opened', async () => {
  const logFile = testLogFile(`${ns}-host-taken`);
  const taken = startService('indexer', loadEnricherConfig(mergeEnv(stackEnv(ns))), { port: service.port, logFile }, () => ({
    module: { module: EmptyModule },
    kafkaTopics: [],
  }));
  await expect(taken).rejects.toThrow(/EADDRINUSE/);
  const lines = readFileSync(logFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).msg);
  expect(lines).toContain('indexer shutting down');
  expect(lines.at(-1)).toBe('indexer stopped');
});

test('close(): stop intake, then drain, then close clients', async () => {
  await service.close();
  expect(events).toEqual(['drain (consumer stopped, view caught up true)', 'clients (view caught up true)']);
  await expect(fetch(url('/health/live'))).rejects.toThrow();
});
