import { createLogger, HealthRegistry, PipelineMetrics } from './index';

describe('observability', () => {
  it('readiness is ok only when every dependency answers, and names the one that does not', async () => {
    const seen: Record<string, boolean> = {};
    const reg = new HealthRegistry(200, (n, up) => (seen[n] = up))
      .add({ name: 'kafka', check: async () => undefined })
      .add({
        name: 'elasticsearch',
        check: async () => {
          throw new Error('connect ECONNREFUSED');
        },
      })
      .add({ name: 'redis', check: () => new Promise(() => undefined) });
    const r = await reg.readiness();
    expect(r.status).toBe('error');
    expect(r.checks.kafka.status).toBe('up');
    expect(r.checks.elasticsearch).toMatchObject({ status: 'down', error: 'connect ECONNREFUSED' });
    expect(r.checks.redis.error).toMatch(/no answer within 200 ms/);
    expect(seen).toEqual({ kafka: true, elasticsearch: false, redis: false });
  });

  it('logs an outage once when it starts (warn) and once when it ends (info)', async () => {
    const lines: string[] = [];
    let up = false;
    const reg = new HealthRegistry(200).add({
      name: 'elasticsearch',
      check: async () => {
        if (!up) throw new Error('connect ECONNREFUSED');
      },
    });
    const stop = reg.watch(
      createLogger('svc', 'info', {}, (l) => lines.push(l)),
      60_000,
    );
    for (let i = 0; i < 3; i++) await reg.readiness();
    up = true;
    for (let i = 0; i < 3; i++) await reg.readiness();
    stop();
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'elasticsearch unavailable'],
      ['info', 'elasticsearch available again'],
    ]);
    expect(logged[0].error).toBe('connect ECONNREFUSED');
  });

  it('logs one JSON object per line with level filtering', () => {
    const lines: string[] = [];
    const log = createLogger('svc', 'info', { ns: 't' }, (l) => lines.push(l));
    log.debug('hidden');
    log.child({ topic: 'x' }).warn('shown', { n: 1 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', service: 'svc', msg: 'shown', ns: 't', topic: 'x', n: 1 });
  });

  it('exposes the pipeline metrics in Prometheus text', async () => {
    const m = new PipelineMetrics('test');
    m.messagesIn.inc({ topic: 'raw' });
    m.processingSeconds.observe({ stage: 'enrich' }, 0.01);
    const text = await m.text();
    expect(text).toMatch(/marsad_messages_in_total\{topic="raw",service="test"\} 1/);
    expect(text).toMatch(/marsad_processing_seconds_bucket/);
    m.partitionWedged.set({ group: 'g', topic: 't', partition: '1' }, 1);
    m.consumerJoined.set({ group: 'g' }, 1);
    m.consumerLag.set({ group: 'g', topic: 't', partition: '1' }, 5);
    m.dlqMessages.inc({ stage: 'enrich' });
    m.lastIndexedTimestamp.set(1700000000);
    const t2 = await m.text();
    for (const name of [
      'marsad_partition_wedged',
      'marsad_consumer_joined',
      'marsad_consumer_lag',
      'marsad_dlq_messages_total',
      'marsad_last_indexed_timestamp_seconds',
      'marsad_dependency_up',
    ])
      expect(t2).toContain(`# TYPE ${name} `);
  });
});
