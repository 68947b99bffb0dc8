import { Kafka, logLevel, type KafkaConfig, type LogEntry, type RetryOptions } from 'kafkajs';
import type { Logger } from '@marsad/observability';
import { registerKafkaCodecs } from './codecs';

// Every process that imports messaging reads every Kafka codec (see codecs.ts).
registerKafkaCodecs();

export interface CreateKafkaOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Minimum kafkajs level routed to our logger (default WARN: kafkajs INFO is chatty). */
  level?: logLevel;
  retry?: RetryOptions;
  connectionTimeout?: number;
  requestTimeout?: number;
  /** Test only (MARSAD_TEST_UNREGISTER_CODEC): codecs to make unreadable in this process. */
  unregisterCodecs?: readonly string[];
}

/** Sane client-level retry: ~8 attempts spread over roughly half a minute, then the caller decides. */
export const DEFAULT_KAFKA_RETRY: RetryOptions = { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8, factor: 0.2, multiplier: 2 };

const LEVEL_NAME: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

const QUIET_NAMESPACES = new Set(['Connection', 'BrokerPool', 'Cluster']);

/** kafkajs `logCreator` that writes kafkajs log entries as our structured JSON lines. */
export function kafkaLogCreator(logger: Logger): KafkaConfig['logCreator'] {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _ts, logger: _l, ...extra } = log as Record<string, unknown> & { message: string };
      let lvl = LEVEL_NAME[level] ?? 'info';
      // Connection-level errors repeat for every request while a broker restarts (~20 lines per
      // service): the runner and the readiness watch log the outage once when it starts and once
      // when it ends, so these go to debug. Same for kafkajs' crash lines, which the runner reports.
      if (lvl === 'error' && (QUIET_NAMESPACES.has(namespace) || /^(Crash:|Restarting the consumer)/.test(message))) lvl = 'debug';
      logger[lvl](`kafkajs: ${message}`, { kafkajs: namespace, ...extra });
    };
}

/** A kafkajs client whose logs go to our JSON logger, with bounded, jittered retries. */
export function createKafka(opts: CreateKafkaOptions): Kafka {
  if (opts.unregisterCodecs?.length) registerKafkaCodecs(opts.unregisterCodecs);
  return new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    logLevel: opts.level ?? logLevel.WARN,
    logCreator: kafkaLogCreator(opts.logger.child({ component: 'kafka' })),
    retry: { ...DEFAULT_KAFKA_RETRY, ...opts.retry },
    connectionTimeout: opts.connectionTimeout ?? 3000,
    requestTimeout: opts.requestTimeout ?? 30_000,
  });
}
