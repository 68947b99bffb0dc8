// The fault suite's OWN Kafka, Elasticsearch and Redis: scripts/stack.sh with another
// MARSAD_STACK_DIR and other ports, so the shared servers (9092, 9200, 6379) are never touched.
// Downloads are not repeated: the shared stack folder's Kafka jars are linked and its unpacked
// Elasticsearch is copied (ES writes its keystore into its home) on first use.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface StackConfig {
  root: string;
  dir: string;
  kafkaPort: number;
  esPort: number;
  redisPort: number;
  /** Where the shared stack keeps its downloads (read only). */
  seedDir: string;
  log: string;
}

export const SHARED_PORTS = new Set([9092, 9093, 9200, 9300, 6379]);

export class FaultStack {
  readonly kafka: string;
  readonly es: string;
  readonly redis: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(readonly c: StackConfig) {
    for (const p of [c.kafkaPort, c.kafkaPort + 1, c.esPort, c.redisPort]) {
      if (SHARED_PORTS.has(p)) throw new Error(`port ${p} belongs to the shared stack: choose FAULTS_*_PORT elsewhere`);
    }
    if (c.dir.replace(/\/+$/, '') === c.seedDir.replace(/\/+$/, ''))
      throw new Error('FAULTS_STACK_DIR must not be the shared stack folder');
    this.kafka = `127.0.0.1:${c.kafkaPort}`;
    this.es = `http://127.0.0.1:${c.esPort}`;
    this.redis = `redis://127.0.0.1:${c.redisPort}`;
    this.env = {
      ...process.env,
      MARSAD_STACK_DIR: c.dir,
      KAFKA_BROKERS: this.kafka,
      ELASTICSEARCH_URL: this.es,
      REDIS_URL: this.redis,
      MARSAD_KAFKA_CONTROLLER_PORT: String(c.kafkaPort + 1),
      MARSAD_ES_HEAP: process.env.MARSAD_ES_HEAP ?? '512m',
      MARSAD_KAFKA_HEAP: process.env.MARSAD_KAFKA_HEAP ?? '-Xms128m -Xmx512m',
    };
  }

  /** Links the Kafka jars and copies the unpacked Elasticsearch of the shared stack folder. */
  seed(): void {
    const kafkaLib = join(this.c.dir, 'kafka', 'lib');
    mkdirSync(join(this.c.dir, 'kafka'), { recursive: true });
    mkdirSync(join(this.c.dir, 'es'), { recursive: true });
    if (!existsSync(kafkaLib) && existsSync(join(this.c.seedDir, 'kafka', 'lib')))
      symlinkSync(join(this.c.seedDir, 'kafka', 'lib'), kafkaLib);
    const esSeed = spawnSync('bash', ['-c', `ls -d "${this.c.seedDir}"/es/elasticsearch-*/ 2>/dev/null | head -n1`], { encoding: 'utf8' });
    const esHome = esSeed.stdout.trim().replace(/\/$/, '');
    if (esHome) {
      const target = join(this.c.dir, 'es', esHome.split('/').pop()!);
      if (!existsSync(join(target, '.complete'))) cpSync(esHome, target, { recursive: true, preserveTimestamps: true });
      // cpSync keeps modes, not owners: the ES user must own its copy (stack.sh chowns when needed).
    }
  }

  /**
   * `stack.sh up` in a process group of its own whose leader stays alive afterwards (like a
   * terminal's shell); resolves with that group's id once the stack is healthy.
   */
  upInGroup(): Promise<{ pgid: number; child: ChildProcess }> {
    const out = openSync(this.c.log, 'a');
    const child = spawn('bash', ['-c', 'bash scripts/stack.sh up && echo MARSAD-STACK-UP && exec sleep 3600'], {
      cwd: this.c.root,
      env: this.env,
      detached: true,
      stdio: ['ignore', 'pipe', out],
    });
    return new Promise((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (d) => {
        buf += String(d);
        if (buf.includes('MARSAD-STACK-UP')) resolve({ pgid: child.pid!, child });
      });
      child.on('exit', (code) => reject(new Error(`stack.sh up failed (exit ${code}); see ${this.c.log}`)));
    });
  }

  /** `stack.sh up` (starts what is missing), in the background: resolves when it returns. */
  up(): Promise<number> {
    const out = openSync(this.c.log, 'a');
    const child = spawn('bash', ['scripts/stack.sh', 'up'], { cwd: this.c.root, env: this.env, stdio: ['ignore', out, out] });
    return new Promise((r) => child.on('exit', (code) => r(code ?? 1)));
  }

  down(): void {
    spawnSync('bash', ['scripts/stack.sh', 'down'], { cwd: this.c.root, env: this.env, stdio: ['ignore', 'ignore', 'ignore'] });
  }

  pid(server: 'kafka' | 'es' | 'redis'): number | undefined {
    try {
      const n = Number(readFileSync(join(this.c.dir, server, 'pid'), 'utf8').trim());
      return n > 0 ? n : undefined;
    } catch {
      return undefined;
    }
  }
}

export function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Process group and session of a pid (from /proc/<pid>/stat), for the detach check. */
export function groupOf(pid: number): { pgid: number; sid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pgid: Number(rest[2]), sid: Number(rest[3]) };
  } catch {
    return undefined;
  }
}
