import type { Kafka } from 'kafkajs';
import type { AdminConfig } from '@marsad/config';
import type { KbChange, Names, Watch } from '@marsad/contracts';
import type { UrlGuard } from '@marsad/alerts';
import type { CompactedTopicView, ConsumerControl, Publisher } from '@marsad/messaging';
import type { HealthRegistry, Logger, PipelineMetrics } from '@marsad/observability';
import type { ActorResolver } from './watches/actor-resolver';

/** What the admin's use cases share, built once in bootstrap (mostly from the service host). */
export interface AdminContext {
  config: AdminConfig;
  names: Names;
  logger: Logger;
  metrics: PipelineMetrics;
  health: HealthRegistry;
  kafka: Kafka;
  publisher: Publisher;
  watches: CompactedTopicView<Watch>;
  guard: UrlGuard;
  actors: ActorResolver;
  /** This replica's view of operator KB edits (marsad.kb); absent when the KB failed to load. */
  kbView?: CompactedTopicView<KbChange>;
  /** marsad.control: skip requests to the consumers and their wedge reports. */
  control: ConsumerControl;
}
export const ADMIN_CTX = Symbol('ADMIN_CTX');
