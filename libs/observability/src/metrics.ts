import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The metrics every pipeline service exposes on `/metrics` (Prometheus text format). Labels stay
 * low-cardinality: topic and outcome, never article or watch ids.
 */
export class PipelineMetrics {
  readonly registry = new Registry();
  readonly messagesIn: Counter<'topic'>;
  readonly messagesOut: Counter<'topic'>;
  readonly messagesFailed: Counter<'topic' | 'reason'>;
  readonly batchSize: Histogram<'topic'>;
  readonly processingSeconds: Histogram<'stage'>;
  readonly dependencyUp: Gauge<'dependency'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'marsad_process_' });
    const registers = [this.registry];
    this.messagesIn = new Counter({ name: 'marsad_messages_in_total', help: 'Messages consumed', labelNames: ['topic'], registers });
    this.messagesOut = new Counter({
      name: 'marsad_messages_out_total',
      help: 'Messages produced or written to a sink',
      labelNames: ['topic'],
      registers,
    });
    this.messagesFailed = new Counter({
      name: 'marsad_messages_failed_total',
      help: 'Messages sent to the DLQ or failed',
      labelNames: ['topic', 'reason'],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'marsad_batch_size',
      help: 'Messages per processed batch',
      labelNames: ['topic'],
      buckets: [1, 5, 10, 50, 100, 250, 500, 1000, 5000],
      registers,
    });
    this.processingSeconds = new Histogram({
      name: 'marsad_processing_seconds',
      help: 'Processing latency per message or batch',
      labelNames: ['stage'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.dependencyUp = new Gauge({
      name: 'marsad_dependency_up',
      help: '1 when the dependency answered its last health check',
      labelNames: ['dependency'],
      registers,
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
