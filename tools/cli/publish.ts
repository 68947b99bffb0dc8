import { articleIdFromUrl, firstFieldError, names, RawArticleSchema } from '@marsad/contracts';
import { commonEnv, loadConfig } from '@marsad/config';
import { compressionType, createKafka, Publisher } from '@marsad/messaging';
import { cliLogger, fail, progress, readJsonItems, stackEnv } from './common';

/**
 * `bin/marsad publish FILE...`: publishes RawArticle JSON files (one object, an array, or JSON
 * lines) to `marsad.articles.raw`, keyed by article id. Items that fail validation are reported
 * and skipped (exit 1 at the end) unless `--raw`, which sends them as they are — handy for
 * exercising the DLQ.
 */
export async function main(argv: string[]): Promise<number> {
  const raw = argv.includes('--raw');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (!files.length) fail('usage: bin/marsad publish [--raw] FILE...', 2);
  const env = stackEnv();
  const topic = names(env.namespace).topic('articlesRaw');
  const batch: { key: string | null; value: unknown }[] = [];
  let invalid = 0;
  for (const file of files) {
    let items;
    try {
      items = readJsonItems(file);
    } catch (err) {
      progress(`skip ${(err as Error).message}`);
      invalid++;
      continue;
    }
    for (const { value, where } of items) {
      const parsed = RawArticleSchema.safeParse(value);
      if (!parsed.success) {
        const e = firstFieldError(parsed.error);
        if (!raw) {
          progress(`skip ${where}: ${e.field}: ${e.message}`);
          invalid++;
          continue;
        }
        batch.push({ key: null, value });
        continue;
      }
      const a = parsed.data;
      batch.push({ key: a.id ?? articleIdFromUrl(a.url), value: a });
    }
  }
  if (batch.length) {
    const kafka = createKafka({ brokers: env.brokers, clientId: 'marsad-publish', logger: cliLogger('publish') });
    const { MARSAD_KAFKA_COMPRESSION } = loadConfig({ MARSAD_KAFKA_COMPRESSION: commonEnv.MARSAD_KAFKA_COMPRESSION });
    const publisher = new Publisher(kafka, { logger: cliLogger('publish'), compression: compressionType(MARSAD_KAFKA_COMPRESSION) });
    await publisher.connect();
    try {
      await publisher.send(topic, batch);
    } finally {
      await publisher.disconnect();
    }
  }
  progress(`published ${batch.length} article(s) to ${topic}${invalid ? `, skipped ${invalid} invalid` : ''}`);
  return invalid ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => fail(`publish failed: ${err instanceof Error ? err.message : String(err)} — is Kafka up? (bin/marsad stack status)`),
  );
}
