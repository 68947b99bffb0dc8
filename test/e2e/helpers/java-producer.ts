import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../support/env';

/** The local stack's Kafka jars (kafka-clients + snappy-java, lz4-java, zstd-jni), see scripts/stack.sh. */
const kafkaLib = join(resolve(process.env.MARSAD_STACK_DIR ?? '/var/tmp/marsad-stack'), 'kafka', 'lib');
const source = join(repoRoot, 'test', 'e2e', 'java', 'ScraperProducer.java');
const classes = join(repoRoot, '.marsad', 'test', 'java');

/** Compiles ScraperProducer.java once (javac against the stack's jars); returns its classpath. */
function classpath(): string {
  if (!existsSync(join(kafkaLib, 'kafka-clients-3.9.2.jar')) && !existsSync(kafkaLib)) {
    throw new Error(`no Kafka jars in ${kafkaLib}: start the local stack first (bash scripts/stack.sh up)`);
  }
  const cls = join(classes, 'ScraperProducer.class');
  if (!existsSync(cls) || statSync(cls).mtimeMs < statSync(source).mtimeMs) {
    mkdirSync(classes, { recursive: true });
    execFileSync('javac', ['-nowarn', '-cp', `${kafkaLib}/*`, '-d', classes, source], { stdio: 'pipe' });
  }
  return `${kafkaLib}/*:${classes}`;
}

export type JavaCompression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/**
 * Publishes messages with the official Java client (a separate JVM process), compressed with
 * `compression`, as a scraper outside this project would. Resolves with the count sent.
 */
export function javaPublish(
  brokers: string,
  topic: string,
  compression: JavaCompression,
  messages: { key: string | null; value: string }[],
): number {
  const cp = classpath();
  const file = join(classes, `msgs-${process.pid}-${Date.now()}.tsv`);
  writeFileSync(file, messages.map((m) => `${m.key ?? '-'}\t${m.value.replace(/[\r\n]+/g, ' ')}`).join('\n') + '\n');
  const out = execFileSync(
    'java',
    ['-Xmx128m', '-XX:TieredStopAtLevel=1', '-cp', cp, 'ScraperProducer', brokers, topic, compression, file],
    { encoding: 'utf8', timeout: 60_000 },
  ).trim();
  const m = /^sent (\d+)$/m.exec(out);
  if (!m) throw new Error(`Java producer (${compression}) failed: ${out}`);
  return Number(m[1]);
}
