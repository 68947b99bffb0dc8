import { names } from '@marsad/contracts';
import { createKafka, ensureTopics } from '@marsad/messaging';
import { createEsClient, ensureArticlesTemplate } from '@marsad/search';
import { cliLogger, progress, stackEnv } from './common';

/**
 * `bin/marsad topics`: creates the Kafka topics (several partitions, compaction where the
 * contract says so) and the Elasticsearch index template + alias. Idempotent.
 */
export async function ensureInfrastructure(opts: { quiet?: boolean } = {}): Promise<void> {
  const env = stackEnv();
  const n = names(env.namespace);
  const maxBodyBytes = Number(process.env.MARSAD_MAX_BODY_BYTES ?? 1024 * 1024);
  const kafka = createKafka({ brokers: env.brokers, clientId: 'marsad-cli', logger: cliLogger('cli') });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const res = await ensureTopics(admin, n, { maxBodyBytes });
    if (!opts.quiet) progress(`topics: ${res.created.length} created, ${res.existing.length} already there (${[...res.created, ...res.existing].join(', ')})`);
  } finally {
    await admin.disconnect();
  }
  const es = createEsClient(env.esUrl);
  try {
    await ensureArticlesTemplate(es, n);
    if (!opts.quiet) progress(`index template for ${n.articlesIndexPattern} with read alias ${n.articlesAlias}: ok`);
  } finally {
    await es.close();
  }
}

if (require.main === module) {
  ensureInfrastructure().catch((err) => {
    progress(`error: could not create topics / index template: ${err instanceof Error ? err.message : String(err)} — is the stack up? (bin/marsad stack status)`);
    process.exit(1);
  });
}
