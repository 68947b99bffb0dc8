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
  });
});
