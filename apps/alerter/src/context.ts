import type { Client } from '@elastic/elasticsearch';
import type { Kafka } from 'kafkajs';
import type { AlerterConfig } from '@marsad/config';
import type { Names, Watch } from '@marsad/contracts';
import type { UrlGuard, WatchMatcher } from '@marsad/alerts';
import type { CompactedTopicView } from '@marsad/messaging';
import type { HealthRegistry, Logger, PipelineMetrics } from '@marsad/observability';
import type { Counter, Histogram } from 'prom-client';
import type { AlertLog } from './alert-log';
import type { Transporter } from 'nodemailer';
import type { Redis } from 'ioredis';

/** Everything the alerter's parts share, built once in bootstrap (plain values, no magic). */
export interface AlerterContext {
  config: AlerterConfig;
  names: Names;
  logger: Logger;
  metrics: PipelineMetrics;
  alertMetrics: AlertMetrics;
  health: HealthRegistry;
  kafka: Kafka;
  es: Client;
  watches: CompactedTopicView<Watch>;
  matcher: WatchMatcher;
  guard: UrlGuard;
  alertLog: AlertLog;
  /** Own Redis connection for the alerter's state (story claims, throttle windows, digests). */
  redis: Redis;
  mailer?: Transporter;
  mailFrom: string;
}

export interface AlertMetrics {
  enqueued: Counter<'kind'>;
  deliveries: Counter<'channel' | 'status'>;
  deliveryLatency: Histogram<'channel'>;
  suppressed: Counter<'reason'>;
  logErrors: Counter<string>;
}

export const ALERTER_CTX = Symbol('ALERTER_CTX');
