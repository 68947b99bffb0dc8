import type { Admin, Kafka } from 'kafkajs';
import type { HealthIndicator } from '@marsad/observability';

/**
 * Readiness indicator for Kafka: `describeCluster` over a dedicated admin client with no
 * client-level retries (the HealthRegistry applies its own timeout). Optionally also checks that
 * the given topics exist (fetchTopicMetadata), so a service is not ready before its topics are.
 */
export class KafkaHealthIndicator implements HealthIndicator {
  readonly name: string;
  private readonly admin: Admin;
  private connected = false;

  constructor(
    kafka: Kafka,
    private readonly topics: string[] = [],
    name = 'kafka',
  ) {
    this.name = name;
    this.admin = kafka.admin({ retry: { retries: 0, initialRetryTime: 100, maxRetryTime: 1000 } });
  }

  async check(): Promise<void> {
    if (!this.connected) {
      await this.admin.connect();
      this.connected = true;
    }
    try {
      const cluster = await this.admin.describeCluster();
      if (!cluster.brokers.length) throw new Error('no brokers in cluster metadata');
      if (this.topics.length) await this.admin.fetchTopicMetadata({ topics: this.topics });
    } catch (err) {
      // Force a fresh connection next time (the broker may have restarted).
      this.connected = false;
      await this.admin.disconnect().catch(() => undefined);
      throw err;
    }
  }

  async close(): Promise<void> {
    this.connected = false;
    await this.admin.disconnect().catch(() => undefined);
  }
}
