/** Strimzi / ECK examples: topic names, compaction, versions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { COMPACTED_TOPICS, TOPIC } from '../../libs/contracts/src/topics';
import { type Json } from './common';
// ================================================================================================
// Strimzi / ECK examples
// ================================================================================================

export function validateExamples(examplesDir: string, esVersion: string | undefined): string[] {
  const errors: string[] = [];
  const docs = (f: string) =>
    parseAllDocuments(readFileSync(join(examplesDir, f), 'utf8'))
      .map((d) => d.toJS())
      .filter(Boolean) as Json[];
  const kafka = docs('strimzi/kafka.yaml');
  const topics = docs('strimzi/topics.yaml');
  const eck = docs('eck/elasticsearch-kibana.yaml');
  const cluster = kafka.find((d) => d.kind === 'Kafka');
  if (!cluster) errors.push('strimzi/kafka.yaml: no Kafka resource');
  else {
    if (
      cluster.metadata?.annotations?.['strimzi.io/kraft'] !== 'enabled' ||
      cluster.metadata?.annotations?.['strimzi.io/node-pools'] !== 'enabled'
    )
      errors.push('Kafka CR: KRaft with node pools needs annotations strimzi.io/kraft and strimzi.io/node-pools = enabled');
    if (!/^3\.9\.\d+$/.test(cluster.spec?.kafka?.version ?? ''))
      errors.push(`Kafka CR: version must be 3.9.x, is ${cluster.spec?.kafka?.version}`);
    if (String(cluster.spec?.kafka?.config?.['auto.create.topics.enable']) !== 'false')
      errors.push('Kafka CR: auto.create.topics.enable must be false');
    const pools = kafka.filter((d) => d.kind === 'KafkaNodePool');
    const roles = new Set(pools.flatMap((p) => p.spec?.roles ?? []));
    if (!roles.has('controller') || !roles.has('broker')) errors.push('KafkaNodePools must provide controller and broker roles');
    for (const p of pools)
      if (p.metadata?.labels?.['strimzi.io/cluster'] !== cluster.metadata.name)
        errors.push(`KafkaNodePool ${p.metadata?.name}: strimzi.io/cluster label must be ${cluster.metadata.name}`);
  }
  const want = Object.entries(TOPIC);
  for (const [k, name] of want) {
    const t = topics.find((d) => d.kind === 'KafkaTopic' && (d.spec?.topicName ?? d.metadata?.name) === name);
    if (!t) {
      errors.push(`strimzi/topics.yaml: no KafkaTopic for ${name}`);
      continue;
    }
    const compacted = (COMPACTED_TOPICS as readonly string[]).includes(k);
    const policy = t.spec?.config?.['cleanup.policy'];
    if (compacted && policy !== 'compact') errors.push(`KafkaTopic ${name}: must be compacted (cleanup.policy: compact)`);
    if (!compacted && policy === 'compact') errors.push(`KafkaTopic ${name}: must not be compacted`);
    if ((t.spec?.partitions ?? 0) < 2) errors.push(`KafkaTopic ${name}: needs several partitions`);
    if (Number(t.spec?.config?.['max.message.bytes'] ?? 0) < 4 * 1024 * 1024 + 256 * 1024)
      errors.push(`KafkaTopic ${name}: max.message.bytes below 4 x MARSAD_MAX_BODY_BYTES + 256 KiB (libs/messaging topicMaxMessageBytes)`);
    if (cluster && t.metadata?.labels?.['strimzi.io/cluster'] !== cluster.metadata.name)
      errors.push(`KafkaTopic ${name}: strimzi.io/cluster label must be ${cluster.metadata.name}`);
  }
  const es = eck.find((d) => d.kind === 'Elasticsearch');
  const kb = eck.find((d) => d.kind === 'Kibana');
  if (!es || !kb) errors.push('eck/elasticsearch-kibana.yaml: needs an Elasticsearch and a Kibana resource');
  else {
    if (es.spec?.version !== kb.spec?.version) errors.push(`ECK: Elasticsearch ${es.spec?.version} and Kibana ${kb.spec?.version} differ`);
    if (esVersion && es.spec?.version !== esVersion)
      errors.push(`ECK: version ${es.spec?.version} differs from docker-compose.yml (${esVersion})`);
    if (kb.spec?.elasticsearchRef?.name !== es.metadata?.name)
      errors.push('ECK: Kibana elasticsearchRef does not name the Elasticsearch resource');
  }
  return errors;
}
