/** docker-compose.yml: the Compose Specification JSON schema plus semantic checks. */
import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import { parse as parseYaml } from 'yaml';
import { type Json, SERVICE_ENV, SERVICES, SERVICE_PORTS, EXTRA_ENV } from './common';
// ================================================================================================
// Docker Compose
// ================================================================================================

/** Go durations as compose-go reads them (`10s`, `1m30s`, `500ms`). */
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

let composeValidator: ReturnType<Ajv2019['compile']> | undefined;
export function composeSchemaValidator(schemaFile: string) {
  if (composeValidator) return composeValidator;
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  delete schema.$schema; // "http://json-schema.org/draft/2019-09/schema#": Ajv2019 knows it under https
  stripLegacyIds(schema); // draft-04 style `"id": "#/..."` annotations, which Ajv refuses
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', GO_DURATION);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  ajv.addFormat('subnet_ip_address', true);
  composeValidator = ajv.compile(schema);
  return composeValidator;
}

function stripLegacyIds(node: Json): void {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node) && typeof node.id === 'string') delete node.id;
  for (const v of Object.values(node)) stripLegacyIds(v);
}

/** Parses compose YAML with merge keys (`<<: *anchor`) resolved, as Compose does. */
export function parseCompose(text: string): Json {
  return parseYaml(text, { merge: true, uniqueKeys: true });
}

/** `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}` references in a compose file. */
export function composeVariables(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)) out.add(m[1]);
  return [...out].sort();
}

/** Resolves compose interpolation with `vars` (unset: the default after :- / -, else ""). */
export function interpolate(value: string, vars: Record<string, string> = {}): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    const v = vars[name];
    if (op === ':-') return v ? v : (arg ?? '');
    if (op === '-') return v !== undefined ? v : (arg ?? '');
    if (op === ':?' || op === '?') return v ?? `<${name}>`;
    return v ?? '';
  });
}

/** Parses a dotenv file (KEY=value lines, comments) — enough for .env.example. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].trim().replace(/^"(.*)"$/, '$1');
  }
  return out;
}

/** Documented in .env.example: set (KEY=) or mentioned as a commented-out `# KEY=` line. */
export function documentedVariables(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^\s*#?\s*([A-Z][A-Z0-9_]*)=/gm)) out.add(m[1]);
  return out;
}

function envOf(service: Json): Record<string, string> {
  const e = service?.environment;
  if (!e) return {};
  if (Array.isArray(e)) return Object.fromEntries(e.map((kv: string) => [kv.split('=')[0], kv.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function imageVersion(image: string): { repo: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const base = at >= 0 ? image.slice(0, at) : image;
  const colon = base.lastIndexOf(':');
  if (colon > base.lastIndexOf('/')) return { repo: base.slice(0, colon), tag: base.slice(colon + 1), digest };
  return { repo: base, digest };
}

/** True for an image reference pinned to a version (a digest, or a tag with digits that is not latest). */
export function isPinned(image: string): boolean {
  const { tag, digest } = imageVersion(image);
  if (digest && /^sha256:[0-9a-f]{64}$/.test(digest)) return true;
  return !!tag && tag !== 'latest' && /\d/.test(tag);
}

export interface ComposeInputs {
  text: string;
  schemaFile: string;
  /** .env.example text: every variable the compose file uses must be documented there. */
  envExample?: string;
}

/** Schema validation of a compose document (errors as "path: message"). */
export function composeSchemaErrors(doc: Json, schemaFile: string): string[] {
  const validate = composeSchemaValidator(schemaFile);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `schema: ${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${(e.params as Json).additionalProperty})` : ''}`,
  );
}

/** Semantic checks on a parsed compose document. */
export function composeSemanticErrors(doc: Json, envExample?: string, text?: string): string[] {
  const errors: string[] = [];
  const vars = envExample ? parseDotenv(envExample) : {};
  const services: Record<string, Json> = doc?.services ?? {};
  const names = Object.keys(services);
  const oneShot = (s: Json) => s?.restart === 'no' || s?.restart === false;
  for (const [name, s] of Object.entries(services)) {
    const where = `services.${name}`;
    const image = s.image ? interpolate(String(s.image), vars) : '';
    if (!image) errors.push(`${where}: no image (every service names a pinned image; built ones too)`);
    else if (!isPinned(image)) errors.push(`${where}: image "${image}" is not pinned to a version (no tag, or :latest)`);
    if (oneShot(s)) {
      if (!s.healthcheck?.disable) errors.push(`${where}: one-shot service (restart: "no") should set healthcheck.disable: true`);
      const waited = Object.values(services).some(
        (o: Json) => o.depends_on && !Array.isArray(o.depends_on) && o.depends_on[name]?.condition === 'service_completed_successfully',
      );
      if (!waited)
        errors.push(`${where}: one-shot service that no service waits for (depends_on condition service_completed_successfully)`);
    } else {
      const hc = s.healthcheck;
      if (!hc || hc.disable || !hc.test || (Array.isArray(hc.test) && hc.test[0] === 'NONE')) errors.push(`${where}: no healthcheck`);
    }
    const limits = s.deploy?.resources?.limits;
    if (!limits?.memory && !s.mem_limit) errors.push(`${where}: no memory limit (deploy.resources.limits.memory or mem_limit)`);
    if (!limits?.cpus && !s.cpus) errors.push(`${where}: no CPU limit (deploy.resources.limits.cpus or cpus)`);
    if (s.depends_on !== undefined) {
      if (Array.isArray(s.depends_on)) errors.push(`${where}: depends_on uses the short form (no health condition)`);
      else {
        for (const [dep, cond] of Object.entries<Json>(s.depends_on)) {
          const target = services[dep];
          if (!target) {
            errors.push(`${where}: depends_on unknown service "${dep}"`);
            continue;
          }
          const want = oneShot(target) ? 'service_completed_successfully' : 'service_healthy';
          if (cond?.condition !== want)
            errors.push(`${where}: depends_on.${dep} must use condition ${want} (has ${cond?.condition ?? 'none'})`);
        }
      }
    }
  }
  // The four Marsad services, each with the variables its config reads.
  const bySvc: Record<string, string> = {};
  for (const [name, s] of Object.entries(services)) {
    const svc = envOf(s).MARSAD_SERVICE;
    if (svc) bySvc[svc] = name;
  }
  for (const svc of SERVICES) {
    const name = bySvc[svc];
    if (!name) {
      errors.push(`no compose service runs MARSAD_SERVICE=${svc}`);
      continue;
    }
    const s = services[name];
    const env = envOf(s);
    for (const v of [...SERVICE_ENV[svc], ...(EXTRA_ENV[svc] ?? [])])
      if (!(v in env)) errors.push(`services.${name}: environment lacks ${v} (read by ${svc}, libs/config/src/services.ts)`);
    if (interpolate(env.HOST ?? '', vars) !== '0.0.0.0')
      errors.push(`services.${name}: HOST must be 0.0.0.0 in a container (the services default to 127.0.0.1)`);
    const port = Number(interpolate(env.PORT ?? '', vars));
    if (port !== SERVICE_PORTS[svc])
      errors.push(`services.${name}: PORT should be ${SERVICE_PORTS[svc]} (ARCHITECTURE.md), is ${env.PORT}`);
    for (const infra of ['kafka', 'elasticsearch', 'redis']) {
      if (!s.depends_on || Array.isArray(s.depends_on) || s.depends_on[infra]?.condition !== 'service_healthy')
        errors.push(`services.${name}: must depend on ${infra} with condition service_healthy`);
    }
    const hcText = JSON.stringify(s.healthcheck?.test ?? '');
    if (!/\/health\/(live|ready)/.test(hcText)) errors.push(`services.${name}: healthcheck does not probe /health/live or /health/ready`);
  }
  // Infrastructure expectations (ARCHITECTURE.md).
  const findImage = (re: RegExp) => names.filter((n) => re.test(interpolate(String(services[n].image ?? ''), vars)));
  const es = findImage(/^docker\.elastic\.co\/elasticsearch\/elasticsearch:/);
  const kb = findImage(/^docker\.elastic\.co\/kibana\/kibana:/);
  const kafka = findImage(/^apache\/kafka:/);
  const redis = findImage(/^redis:/);
  const mail = findImage(/^axllent\/mailpit:/);
  if (es.length !== 1) errors.push('expected one Elasticsearch service (official image docker.elastic.co/elasticsearch/elasticsearch)');
  if (kb.length !== 1) errors.push('expected one Kibana service (official image docker.elastic.co/kibana/kibana)');
  if (es.length === 1 && kb.length === 1) {
    const ev = imageVersion(interpolate(services[es[0]].image, vars)).tag;
    const kv = imageVersion(interpolate(services[kb[0]].image, vars)).tag;
    if (ev !== kv) errors.push(`Elasticsearch ${ev} and Kibana ${kv} must carry the same version`);
    if (!/^8\.19\.\d+$/.test(ev ?? '')) errors.push(`Elasticsearch must be 8.19.x (matches @elastic/elasticsearch 8.19), is ${ev}`);
    const esEnv = envOf(services[es[0]]);
    if (esEnv['xpack.security.enabled'] === undefined)
      errors.push(`services.${es[0]}: decide security explicitly (xpack.security.enabled)`);
  }
  if (kafka.length !== 1) errors.push('expected one Kafka service (official image apache/kafka)');
  else {
    const k = services[kafka[0]];
    const v = imageVersion(interpolate(k.image, vars)).tag ?? '';
    if (!/^3\.9\.\d+$/.test(v)) errors.push(`Kafka must be 3.9.x (kafkajs 2.2.4), is ${v}`);
    const env = envOf(k);
    if (String(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE) !== 'false')
      errors.push(`services.${kafka[0]}: KAFKA_AUTO_CREATE_TOPICS_ENABLE must be "false" (topics are created by init)`);
    if (!/broker/.test(env.KAFKA_PROCESS_ROLES ?? '') || !/controller/.test(env.KAFKA_PROCESS_ROLES ?? ''))
      errors.push(`services.${kafka[0]}: expected a KRaft combined broker,controller node`);
  }
  if (redis.length !== 1) errors.push('expected one Redis service');
  else if (!/appendonly["',\s]+yes/.test(JSON.stringify(services[redis[0]].command ?? '')))
    errors.push(`services.${redis[0]}: Redis persistence off (command needs --appendonly yes)`);
  if (mail.length !== 1) errors.push('expected one Mailpit service (SMTP catcher with a web UI)');
  const published = (n: string | undefined) =>
    n
      ? (services[n].ports ?? []).map((p: Json) => interpolate(String(typeof p === 'object' ? `${p.published}:${p.target}` : p), vars))
      : [];
  const expectPort = (n: string | undefined, port: number, what: string) => {
    if (n && !published(n).some((p: string) => p.endsWith(`:${port}`) && p.split(':').includes(String(port))))
      errors.push(`${what} is not published on ${port}`);
  };
  expectPort(bySvc.admin, 8080, 'the admin API');
  expectPort(kb[0], 5601, 'Kibana');
  expectPort(mail[0], 8025, 'the Mailpit UI');
  // The init job creates topics + template and imports the Kibana objects.
  const init = names.filter((n) => oneShot(services[n]));
  if (!init.some((n) => /bootstrap/.test(JSON.stringify(services[n].command ?? ''))))
    errors.push('no one-shot init service running "bootstrap" (topics, index template, Kibana import)');
  // Every variable the file interpolates is documented in .env.example.
  if (envExample !== undefined && text !== undefined) {
    const documented = documentedVariables(envExample);
    for (const v of composeVariables(text))
      if (!documented.has(v)) errors.push(`\${${v}} is used in docker-compose.yml but not documented in .env.example`);
    for (const svc of SERVICES)
      for (const v of SERVICE_ENV[svc]) if (!documented.has(v)) errors.push(`${v} (read by ${svc}) is not documented in .env.example`);
  }
  return errors;
}

export function validateCompose(inputs: ComposeInputs): string[] {
  let doc: Json;
  try {
    doc = parseCompose(inputs.text);
  } catch (err) {
    return [`YAML: ${(err as Error).message}`];
  }
  return [...composeSchemaErrors(doc, inputs.schemaFile), ...composeSemanticErrors(doc, inputs.envExample, inputs.text)];
}
