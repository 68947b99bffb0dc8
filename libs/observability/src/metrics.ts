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
  /** 1 while a partition cannot be read and waits for an operator's skip (issue 9). */
  readonly partitionWedged: Gauge<'group' | 'topic' | 'partition'>;
  readonly consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  readonly consumerJoined: Gauge<'group'>;
  readonly dlqMessages: Counter<'stage'>;
  readonly lastIndexedTimestamp: Gauge;

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
    this.partitionWedged = new Gauge({
      name: 'marsad_partition_wedged',
      help: '1 while the consumer cannot read the partition (waits for an operator skip), else 0',
      labelNames: ['group', 'topic', 'partition'],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'marsad_consumer_lag',
      help: 'Messages behind the high watermark (committed offset of the group), per assigned partition',
      labelNames: ['group', 'topic', 'partition'],
      registers,
    });
    this.consumerJoined = new Gauge({
      name: 'marsad_consumer_joined',
      help: '1 while this replica is a member of its consumer group',
      labelNames: ['group'],
      registers,
    });
    this.dlqMessages = new Counter({
      name: 'marsad_dlq_messages_total',
      help: 'Records written to the DLQ, by stage',
      labelNames: ['stage'],
      registers,
    });
    this.lastIndexedTimestamp = new Gauge({
      name: 'marsad_last_indexed_timestamp_seconds',
      help: 'Unix time of the last successful bulk index of articles',
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
