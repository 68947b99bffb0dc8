#!/usr/bin/env node
// Emulates the Dockerfile's stages WITHOUT a Docker engine, to catch what the static checks cannot:
// a build context that misses a file, a runtime import of a devDependency, data files not copied.
//
//   node tools/packaging/emulate-image.mjs [--start] [WORKDIR]
//
// 1. context: the repository files that .dockerignore lets through (same matching rules: last
//    matching pattern wins, `!` re-includes, `**` any depth, a matched directory covers its files);
// 2. build stage: `npm ci --ignore-scripts` + `npm run build`, the four dist/apps/<app>/src/main.js
//    and dist/tools/cli/topics.js must exist;
// 3. prod-deps stage: `npm ci --omit=dev --ignore-scripts`;
// 4. runtime layout: node_modules (prod), dist, package.json, libs/kb/data, deploy/kibana,
//    entrypoint; each service is started with a malformed KAFKA_BROKERS and must fail with the
//    configuration error (which proves its whole module graph loads from production dependencies);
// 5. --start: with a real stack (KAFKA_BROKERS, ELASTICSEARCH_URL, REDIS_URL from the environment,
//    default the local stack), runs the entrypoint's `topics` step and the four services under a
//    fresh MARSAD_NAMESPACE, checks /health/live and /health/ready and the image HEALTHCHECK
//    command, stops them with SIGTERM, then deletes the namespace's topics, indices and template.
// Needs network access to the npm registry; takes a few minutes (two `npm ci`, one build).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const start = args.includes('--start');
const work = resolve(args.find((a) => !a.startsWith('--')) ?? mkdtempSync(join(tmpdir(), 'marsad-image-')));
const log = (m) => process.stderr.write(`[emulate-image] ${m}\n`);
const run = (cmd, argv, cwd, env = process.env) => execFileSync(cmd, argv, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });

/** .dockerignore matcher (Docker semantics for the patterns we use). */
export function dockerignore(text) {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pat = (negate ? l.slice(1) : l).replace(/\/$/, '');
      const re = new RegExp(
        '^' +
          pat
            .split('/')
            .map((seg) =>
              seg === '**'
                ? '(?:.*)'
                : seg
                    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                    .replace(/\*/g, '[^/]*')
                    .replace(/\?/g, '[^/]'),
            )
            .join('/')
            .replace(/\(\?:\.\*\)\//g, '(?:.*/)?') +
          '(?:/.*)?$',
      );
      return { negate, re };
    });
  return (path) => {
    let excluded = false;
    for (const r of rules) if (r.re.test(path)) excluded = !r.negate;
    return !excluded;
  };
}

function context(dir) {
  const allowed = dockerignore(readFileSync(join(root, '.dockerignore'), 'utf8'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && existsSync(join(root, f)) && allowed(f));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(root, f), join(dir, f));
  }
  return files;
}

async function main() {
  log(`work folder ${work}`);
  const ctx = join(work, 'context');
  mkdirSync(ctx, { recursive: true });
  const files = context(ctx);
  log(
    `context: ${files.length} files (${['test/', 'demo/', 'docs/', 'k8s/', '.env'].map((p) => `${p} ${files.some((f) => f.startsWith(p)) ? 'PRESENT' : 'absent'}`).join(', ')})`,
  );
  if (files.some((f) => /^(test|demo|docs)\//.test(f) || /\.spec\.ts$/.test(f)))
    throw new Error('.dockerignore lets tests, demo or docs into the context');

  log('build stage: npm ci --ignore-scripts && npm run build');
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], ctx);
  run('npm', ['run', 'build'], ctx);
  for (const f of [...['admin', 'enricher', 'indexer', 'alerter'].map((a) => `dist/apps/${a}/src/main.js`), 'dist/tools/cli/topics.js']) {
    if (!existsSync(join(ctx, f))) throw new Error(`build did not produce ${f}`);
  }

  log('prod-deps stage: npm ci --omit=dev --ignore-scripts');
  const prod = join(work, 'prod');
  mkdirSync(prod, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) cpSync(join(ctx, f), join(prod, f));
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], prod);

  log('runtime layout (as /app)');
  const app = join(work, 'app');
  mkdirSync(join(app, 'deploy/kibana'), { recursive: true });
  cpSync(join(prod, 'node_modules'), join(app, 'node_modules'), { recursive: true });
  cpSync(join(ctx, 'dist'), join(app, 'dist'), { recursive: true });
  cpSync(join(ctx, 'package.json'), join(app, 'package.json'));
  cpSync(join(ctx, 'libs/kb/data'), join(app, 'libs/kb/data'), { recursive: true });
  for (const f of ['marsad.ndjson', 'import-saved-objects.mjs']) cpSync(join(ctx, 'deploy/kibana', f), join(app, 'deploy/kibana', f));
  const entry = join(app, 'entrypoint.sh');
  writeFileSync(entry, readFileSync(join(ctx, 'deploy/docker/entrypoint.sh'), 'utf8').replace(/^cd \/app$/m, `cd ${JSON.stringify(app)}`));
  chmodSync(entry, 0o755);

  const baseEnv = { PATH: process.env.PATH, HOME: tmpdir(), NODE_ENV: 'production' };
  for (const svc of ['admin', 'enricher', 'indexer', 'alerter']) {
    let out = '';
    try {
      execFileSync(entry, [svc], {
        env: { ...baseEnv, KAFKA_BROKERS: 'not a broker' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 30_000,
      });
    } catch (err) {
      out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    }
    if (!/KAFKA_BROKERS/.test(out)) throw new Error(`${svc} did not load with production dependencies:\n${out}`);
    log(`${svc}: module graph loads with production dependencies only (config error as expected)`);
  }
  if (start) await startServices(app, entry, baseEnv);
  log('OK');
}

async function startServices(app, entry, baseEnv) {
  const ns = `imgtest${Date.now().toString(36)}`;
  const stack = {
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    ELASTICSEARCH_URL: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    MARSAD_NAMESPACE: ns,
  };
  log(`--start: namespace ${ns} on ${stack.KAFKA_BROKERS}, ${stack.ELASTICSEARCH_URL}, ${stack.REDIS_URL}`);
  run(entry, ['topics'], app, { ...baseEnv, ...stack });
  const ports = { admin: 18080, enricher: 18081, indexer: 18082, alerter: 18083 };
  const children = Object.entries(ports).map(([svc, port]) =>
    spawn(entry, [], {
      env: {
        ...baseEnv,
        ...stack,
        MARSAD_SERVICE: svc,
        HOST: '127.0.0.1',
        PORT: String(port),
        MARSAD_ADMIN_KEYS: 'admin:emulate-image-only-key',
      },
      stdio: 'ignore',
    }),
  );
  const healthcheck = /HEALTHCHECK[\s\S]*?CMD \["node", "-e", "((?:[^"\\]|\\.)*)"\]/
    .exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1]
    ?.replace(/\\"/g, '"');
  let failed = false;
  try {
    const deadline = Date.now() + 60_000;
    for (const [svc, port] of Object.entries(ports)) {
      let status = '';
      while (Date.now() < deadline) {
        const live = await fetch(`http://127.0.0.1:${port}/health/live`).then(
          (r) => r.status,
          () => 0,
        );
        const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.status,
          () => 0,
        );
        status = `live ${live}, ready ${ready}`;
        if (live === 200 && ready === 200) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      let hc = 'not found in Dockerfile';
      if (healthcheck) {
        try {
          execFileSync(process.execPath, ['-e', healthcheck], {
            env: { ...baseEnv, PORT: String(port), MARSAD_SERVICE: svc },
            stdio: 'ignore',
            timeout: 10_000,
          });
          hc = 'exit 0';
        } catch {
          hc = 'FAILED';
        }
      }
      log(`${svc}: ${status}; image HEALTHCHECK ${hc}`);
      if (!status.endsWith('ready 200') || hc !== 'exit 0') failed = true;
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 5000));
    await cleanup(app, stack, ns).catch((err) => log(`cleanup: ${err.message}`));
  }
  if (failed) throw new Error('a service did not become healthy');
}

async function cleanup(app, stack, ns) {
  const kafkajs = await import(join(app, 'node_modules/kafkajs/index.js'));
  const { Kafka, logLevel } = kafkajs.default ?? kafkajs;
  const admin = new Kafka({ brokers: stack.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${ns}.`));
  if (topics.length) await admin.deleteTopics({ topics });
  const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${ns}.`));
  if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
  await admin.disconnect();
  const es = stack.ELASTICSEARCH_URL.replace(/\/$/, '');
  const indices = await fetch(`${es}/_cat/indices/${ns}-*?h=index&format=json`).then(
    (r) => r.json(),
    () => [],
  );
  for (const { index } of indices) await fetch(`${es}/${index}`, { method: 'DELETE' });
  await fetch(`${es}/_index_template/${ns}-marsad-articles-template`, { method: 'DELETE' });
  const ioredis = await import(join(app, 'node_modules/ioredis/built/index.js'));
  const Redis = ioredis.default?.default ?? ioredis.default ?? ioredis.Redis;
  const redis = new Redis(stack.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let keys = 0;
  for await (const batch of redis.scanStream({ match: `*${ns}*`, count: 500 })) {
    if (batch.length) keys += await redis.del(...batch);
  }
  await redis.quit();
  log(`cleanup: ${topics.length} topics, ${groups.length} groups, ${indices.length} indices, ${keys} Redis keys of ${ns} deleted`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    log(`FAILED: ${err.message}`);
    process.exit(1);
  });
}
