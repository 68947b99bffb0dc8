import { names } from '@marsad/contracts';
import { commonEnv, loadConfig } from '@marsad/config';
import { createKafka, ensureTopics, topicSettings } from '@marsad/messaging';
import { createEsClient, ensureArticlesTemplate } from '@marsad/search';
import { cliLogger, progress } from './common';

/**
 * `bin/marsad topics`: creates the Kafka topics (several partitions, compaction where the
 * contract says so) and the Elasticsearch index template + alias. Idempotent.
 */
export async function ensureInfrastructure(opts: { quiet?: boolean } = {}): Promise<void> {
  const cfg = loadConfig(commonEnv);
  const n = names(cfg.MARSAD_NAMESPACE);
  const kafka = createKafka({ brokers: cfg.KAFKA_BROKERS, clientId: 'marsad-cli', logger: cliLogger('cli') });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const res = await ensureTopics(admin, n, topicSettings(cfg));
    if (!opts.quiet)
      progress(
        `topics: ${res.created.length} created, ${res.existing.length} already there (${[...res.created, ...res.existing].join(', ')})`,
      );
  } finally {
    await admin.disconnect();
  }
  const es = createEsClient(cfg.ELASTICSEARCH_URL);
  try {
    await ensureArticlesTemplate(es, n, { replicas: cfg.MARSAD_INDEX_REPLICAS });
    if (!opts.quiet) progress(`index template for ${n.articlesIndexPattern} with read alias ${n.articlesAlias}: ok`);
  } finally {
    await es.close();
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.length > 0) {
    // Takes no options: say so rather than create topics on whatever stack the env points at.
    const help = args.every((a) => a === '--help' || a === '-h');
    process[help ? 'stdout' : 'stderr'].write(
      `${help ? '' : `unknown argument: ${args.join(' ')}\n`}usage: bin/marsad topics   creates the Kafka topics and the Elasticsearch index template ` +
        `of MARSAD_NAMESPACE on KAFKA_BROKERS / ELASTICSEARCH_URL (idempotent; no options)\n`,
    );
    process.exit(help ? 0 : 2);
  }
  ensureInfrastructure().catch((err) => {
    const hint = (err as Error)?.name === 'ConfigError' ? '' : ' — is the stack up? (bin/marsad stack status)';
    progress(`error: could not create topics / index template: ${err instanceof Error ? err.message : String(err)}${hint}`);
    process.exit(1);
  });
}
