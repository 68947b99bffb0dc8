import { hostname } from 'node:os';
import type { Kafka } from 'kafkajs';
import {
  ControlRecordSchema,
  SCHEMA_VERSION,
  controlKey,
  type ConsumerSkipRequest,
  type ControlRecord,
  type WedgeReport,
} from '@marsad/contracts';
import { errorFields, type Logger, type PipelineMetrics } from '@marsad/observability';
import { CompactedTopicView } from './compacted-view';
import type { Publisher } from './publisher';

export interface ConsumerControlOptions {
  kafka: Kafka;
  /** The namespaced `marsad.control` topic. */
  topic: string;
  /** Prefix of this replica's throw-away view group, e.g. names.consumerGroup('enricher-control'). */
  groupIdPrefix: string;
  publisher: Publisher;
  logger: Logger;
  metrics?: PipelineMetrics;
}

/**
 * The consumers' side channel, the compacted `marsad.control` topic that every replica follows:
 * operators' skip requests reach the replica that owns the partition (kafkajs `admin.setOffsets`
 * refuses a group with live members, so the skip must be done from inside the group), and
 * consumers publish the partitions they cannot read so that `/v1/status` shows every replica's.
 */
export class ConsumerControl {
  readonly view: CompactedTopicView<ControlRecord>;
  private readonly log: Logger;

  constructor(private readonly o: ConsumerControlOptions) {
    this.log = o.logger.child({ component: 'consumer-control' });
    this.view = new CompactedTopicView<ControlRecord>({
      kafka: o.kafka,
      topic: o.topic,
      groupIdPrefix: o.groupIdPrefix,
      schema: ControlRecordSchema,
      logger: o.logger,
      metrics: o.metrics,
    });
  }

  start(): Promise<void> {
    return this.view.start();
  }

  stop(): Promise<void> {
    return this.view.stop();
  }

  /** Every skip request not yet performed. */
  skipRequests(): ConsumerSkipRequest[] {
    return this.view.values().filter((v): v is ConsumerSkipRequest => v.kind === 'skip');
  }

  /** Wedge reports of every replica of every group. */
  wedges(): WedgeReport[] {
    return this.view.values().filter((v): v is WedgeReport => v.kind === 'wedge');
  }

  pendingSkip(groupId: string, topic: string, partition: number): ConsumerSkipRequest | undefined {
    const v = this.view.get(controlKey('skip', groupId, topic, partition));
    return v?.kind === 'skip' ? v : undefined;
  }

  /** Called for every skip request that arrives (live or replayed at start). */
  onSkipRequest(listener: (req: ConsumerSkipRequest) => void): void {
    this.view.onChange((c) => {
      if (c.value?.kind === 'skip') listener(c.value);
    });
  }

  async requestSkip(req: Omit<ConsumerSkipRequest, 'schemaVersion' | 'kind' | 'requestedAt'>): Promise<ConsumerSkipRequest> {
    const value: ConsumerSkipRequest = { schemaVersion: SCHEMA_VERSION, kind: 'skip', ...req, requestedAt: new Date().toISOString() };
    await this.o.publisher.send(this.o.topic, [{ key: controlKey('skip', req.groupId, req.topic, req.partition), value }]);
    return value;
  }

  async skipDone(groupId: string, topic: string, partition: number): Promise<void> {
    await this.tombstone(controlKey('skip', groupId, topic, partition));
  }

  async reportWedge(w: Omit<WedgeReport, 'schemaVersion' | 'kind' | 'reportedBy'>): Promise<void> {
    const value: WedgeReport = { schemaVersion: SCHEMA_VERSION, kind: 'wedge', ...w, reportedBy: `${hostname()}/${process.pid}` };
    try {
      await this.o.publisher.send(this.o.topic, [{ key: controlKey('wedge', w.groupId, w.topic, w.partition), value }]);
    } catch (err) {
      this.log.warn('could not publish the wedge report to marsad.control (readiness still shows it)', errorFields(err));
    }
  }

  async clearWedge(groupId: string, topic: string, partition: number): Promise<void> {
    if (!this.view.get(controlKey('wedge', groupId, topic, partition))) return;
    await this.tombstone(controlKey('wedge', groupId, topic, partition)).catch((err) =>
      this.log.warn('could not clear the wedge report on marsad.control', errorFields(err)),
    );
  }

  private async tombstone(key: string): Promise<void> {
    await this.o.publisher.send(this.o.topic, [{ key, value: null }]);
  }
}
