/**
 * No acknowledged KB edit is lost (issue 13): 20 concurrent alias edits on one actor, spread over
 * TWO admin replicas on the same namespace (k8s runs two). Every 200 must be present afterwards on
 * both replicas (a loser may get 409, never a silent overwrite).
 */
import { names } from '@marsad/contracts';
import { createKafka, ensureTopics } from '@marsad/messaging';
import { createLogger } from '@marsad/observability';
import { bootstrapAdmin, type AdminHandle } from '../../apps/admin/src/bootstrap';
import { stackEnv, testLogFile, testNamespace, waitFor } from './support/env';
import { removeNamespace } from './support/cleanup';

jest.setTimeout(120_000);

const KEY = 'admin-key-e2e-kb-race-0123';
const ns = testNamespace('kr');
const quiet = createLogger('e2e', 'error');
const admins: AdminHandle[] = [];

const call = async (a: AdminHandle, method: string, path: string, body?: unknown) => {
  const res = await fetch(`http://127.0.0.1:${a.port}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => undefined)) as any };
};

beforeAll(async () => {
  const kafka = createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-kb-race', logger: quiet });
  const kadmin = kafka.admin();
  await kadmin.connect();
  await ensureTopics(kadmin, names(ns));
  await kadmin.disconnect();
  for (const i of [0, 1])
    admins.push(
      await bootstrapAdmin(stackEnv(ns, { MARSAD_ADMIN_KEYS: `admin:${KEY}` }), { port: 0, logFile: testLogFile(`${ns}-admin-${i}`) }),
    );
  for (const a of admins) {
    await a.ready();
    await waitFor('KB view caught up', async () => (await fetch(`http://127.0.0.1:${a.port}/health/ready`)).ok, 60_000);
  }
}, 120_000);

afterAll(async () => {
  for (const a of admins) await a.close();
  await removeNamespace(ns, createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-kb-race-cleanup', logger: quiet }));
});

test('5 × 20 concurrent alias edits on one actor over two replicas: every 200 is present on both', async () => {
  const id = 'org:race-target';
  expect((await call(admins[0], 'POST', '/v1/actors', { id, name: 'Race Target', type: 'organization' })).status).toBe(201);
  await waitFor('actor visible on replica 2', async () => {
    const r = await call(admins[1], 'GET', `/v1/actors?q=${encodeURIComponent(id)}`);
    return r.json?.actors?.some((a: { id: string }) => a.id === id);
  });
  // Five rounds of 20 concurrent edits, alternating replicas (a lost update needs an unlucky overlap).
  const aliases: string[] = [];
  const statuses: number[] = [];
  for (let round = 0; round < 5; round++) {
    const batch = Array.from({ length: 20 }, (_, i) => `Race Alias ${round}-${i}`);
    const answers = await Promise.all(
      batch.map((alias, i) => call(admins[i % 2], 'POST', `/v1/actors/${id}/aliases`, { aliases: [alias] })),
    );
    aliases.push(...batch);
    statuses.push(...answers.map((a) => a.status));
  }
  expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
  const acknowledged = aliases.filter((_, i) => statuses[i] === 200);
  expect(acknowledged.length).toBeGreaterThan(0);
  for (const a of admins) {
    const have = await waitFor(
      'every acknowledged alias on this replica',
      async () => {
        const r = await call(a, 'GET', `/v1/actors?q=${encodeURIComponent(id)}`);
        const actor = r.json?.actors?.find((x: { id: string }) => x.id === id);
        return actor && acknowledged.every((x) => actor.aliases.includes(x)) ? actor.aliases : undefined;
      },
      10_000,
    );
    expect(have).toEqual(expect.arrayContaining(acknowledged));
  }
  process.stdout.write(
    `\nKB race over two replicas: ${statuses.filter((s) => s === 200).length} × 200, ${statuses.filter((s) => s === 409).length} × 409, all acknowledged present\n`,
  );
});

test('a record every marsad.kb reader rejects is skipped, logged once with its key, and shown in /v1/status', async () => {
  const kafka = createKafka({ brokers: [stackEnv(ns).KAFKA_BROKERS], clientId: 'e2e-kb-poison', logger: quiet });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  // Written past the API (which refuses it): a blank name.
  const bad = {
    schemaVersion: 1,
    actor: { id: 'org:poison', name: '   ', type: 'organization', aliases: [] },
    updatedAt: new Date().toISOString(),
  };
  await producer.send({ topic: names(ns).topic('kb'), messages: [{ key: 'org:poison', value: JSON.stringify(bad) }] });
  await producer.disconnect();
  for (const a of admins) {
    const kb = await waitFor('the bad record in /v1/status', async () => {
      const r = await call(a, 'GET', '/v1/status');
      const inv = r.json?.kb?.invalidRecords;
      return inv?.records?.some((x: { key: string }) => x.key === 'org:poison') ? inv : undefined;
    });
    expect(kb.count).toBe(1);
    expect(kb.records[0]).toMatchObject({ key: 'org:poison', reason: expect.stringMatching(/name/) });
  }
  // The API refuses the same actor (400 naming the field) instead of writing it.
  const refused = await call(admins[0], 'POST', '/v1/actors', { id: 'org:poison2', name: '   ', type: 'organization' });
  expect(refused.status).toBe(400);
  expect(refused.json.field).toBe('name');
});
