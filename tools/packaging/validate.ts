/**
 * Offline validation of the production packaging (no Docker engine, no cluster):
 *  - docker-compose.yml against the Compose Specification JSON schema + semantic checks;
 *  - k8s overlays rendered (tools/packaging/kustomize.ts) and every object validated against the
 *    Kubernetes OpenAPI schemas (kubernetes-models) + semantic checks;
 *  - Kibana saved objects: structure, references, and every field against the index mappings;
 *  - Strimzi / ECK examples: topic names, compaction, versions.
 * Each validator is a pure function returning a list of errors (empty = valid); `validateAll`
 * runs them on the repository files. CLI: `npm run validate:packaging` (tools/packaging/cli.ts).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { ARTICLES_MAPPINGS } from '../../libs/search/src/template';
import { COMPACTED_TOPICS, TOPIC } from '../../libs/contracts/src/topics';
import { adminEnv, alerterEnv, enricherEnv, indexerEnv } from '../../libs/config/src/services';
import { ALERTS_MAPPINGS } from '../../libs/search/src/alerts-index';
import { containersOf, podSpecOf, renderKustomization, type K8sObject } from './kustomize';
import { KEDA_MODELS, kedaErrors } from './keda';

export type Json = any;

export interface CheckReport {
  name: string;
  covers: string;
  errors: string[];
}

/** The environment variables each service reads at start (keys of the zod shapes in libs/config). */
/** Settings that exist for tests only: deployments must not carry them. */
export const TEST_ONLY_ENV = new Set(['MARSAD_TEST_UNREGISTER_CODEC']);
const deployable = (shape: object) => Object.keys(shape).filter((k) => !TEST_ONLY_ENV.has(k));
export const SERVICE_ENV: Record<string, string[]> = {
  admin: deployable(adminEnv),
  enricher: deployable(enricherEnv),
  indexer: deployable(indexerEnv),
  alerter: deployable(alerterEnv),
};
export const SERVICES = Object.keys(SERVICE_ENV);
export const SERVICE_PORTS: Record<string, number> = { admin: 8080, enricher: 8081, indexer: 8082, alerter: 8083 };
/** Variables read outside libs/config (apps/alerter/src/bootstrap.ts, the Kibana importer). */
export const EXTRA_ENV: Record<string, string[]> = { alerter: ['MARSAD_MAIL_FROM'] };
/** Partitions per topic created by tools/cli/topics.ts (libs/messaging topicSpecs default). */
export const DEFAULT_PARTITIONS = 3;
/** Kafka consumers whose useful parallelism is bounded by the partition count. */
export const PARTITION_BOUND = ['enricher', 'indexer'];

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

// ================================================================================================
// Kubernetes
// ================================================================================================

type ModelCtor = new (data: Json) => { validate(): void };
const MODELS: Record<string, ModelCtor> = {
  'apps/v1/Deployment': Deployment as unknown as ModelCtor,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler as unknown as ModelCtor,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as unknown as ModelCtor,
  'batch/v1/Job': Job as unknown as ModelCtor,
  'v1/ConfigMap': ConfigMap as unknown as ModelCtor,
  'v1/Secret': Secret as unknown as ModelCtor,
  'v1/Service': Service as unknown as ModelCtor,
  'v1/ServiceAccount': ServiceAccount as unknown as ModelCtor,
  ...(KEDA_MODELS as unknown as Record<string, ModelCtor>),
};

/**
 * Field names the Kubernetes API accepts on the objects we write by hand. The kubernetes-models
 * validators check types and required fields but accept unknown keys (as the API server does
 * without --validate=strict), so a typo such as `readinesProbe` would pass: these lists close that.
 */
const KNOWN_KEYS: Record<string, string[]> = {
  container: [
    'name',
    'image',
    'imagePullPolicy',
    'command',
    'args',
    'workingDir',
    'ports',
    'env',
    'envFrom',
    'resources',
    'resizePolicy',
    'restartPolicy',
    'volumeMounts',
    'volumeDevices',
    'livenessProbe',
    'readinessProbe',
    'startupProbe',
    'lifecycle',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'securityContext',
    'stdin',
    'stdinOnce',
    'tty',
  ],
  podSpec: [
    'activeDeadlineSeconds',
    'affinity',
    'automountServiceAccountToken',
    'containers',
    'dnsConfig',
    'dnsPolicy',
    'enableServiceLinks',
    'ephemeralContainers',
    'hostAliases',
    'hostIPC',
    'hostNetwork',
    'hostPID',
    'hostUsers',
    'hostname',
    'imagePullSecrets',
    'initContainers',
    'nodeName',
    'nodeSelector',
    'os',
    'overhead',
    'preemptionPolicy',
    'priority',
    'priorityClassName',
    'readinessGates',
    'resourceClaims',
    'restartPolicy',
    'runtimeClassName',
    'schedulerName',
    'schedulingGates',
    'securityContext',
    'serviceAccount',
    'serviceAccountName',
    'setHostnameAsFQDN',
    'shareProcessNamespace',
    'subdomain',
    'terminationGracePeriodSeconds',
    'tolerations',
    'topologySpreadConstraints',
    'volumes',
  ],
  probe: [
    'exec',
    'failureThreshold',
    'grpc',
    'httpGet',
    'initialDelaySeconds',
    'periodSeconds',
    'successThreshold',
    'tcpSocket',
    'terminationGracePeriodSeconds',
    'timeoutSeconds',
  ],
  containerSecurityContext: [
    'allowPrivilegeEscalation',
    'appArmorProfile',
    'capabilities',
    'privileged',
    'procMount',
    'readOnlyRootFilesystem',
    'runAsGroup',
    'runAsNonRoot',
    'runAsUser',
    'seLinuxOptions',
    'seccompProfile',
    'windowsOptions',
  ],
  podSecurityContext: [
    'appArmorProfile',
    'fsGroup',
    'fsGroupChangePolicy',
    'runAsGroup',
    'runAsNonRoot',
    'runAsUser',
    'seLinuxOptions',
    'seccompProfile',
    'supplementalGroups',
    'supplementalGroupsPolicy',
    'sysctls',
    'windowsOptions',
  ],
  resources: ['claims', 'limits', 'requests'],
};

function unknownKeys(obj: Json, kind: keyof typeof KNOWN_KEYS, where: string): string[] {
  if (!obj || typeof obj !== 'object') return [];
  const known = new Set(KNOWN_KEYS[kind]);
  return Object.keys(obj)
    .filter((k) => !known.has(k))
    .map((k) => `${where}: unknown field "${k}"`);
}

/** Schema validation of one object with kubernetes-models (+ unknown-field check of pod specs). */
export function k8sSchemaErrors(o: K8sObject): string[] {
  const id = `${o?.kind}/${o?.metadata?.name}`;
  const Model = MODELS[`${o?.apiVersion}/${o?.kind}`];
  if (!Model) return [`${id}: no schema for apiVersion ${o?.apiVersion} kind ${o?.kind} (add it to MODELS in tools/packaging/validate.ts)`];
  const errors: string[] = [];
  try {
    new Model(o).validate();
  } catch (err) {
    errors.push(`${id}: ${(err as Error).message}`);
  }
  const ps = podSpecOf(o);
  if (ps) {
    errors.push(
      ...unknownKeys(ps, 'podSpec', `${id} pod spec`),
      ...unknownKeys(ps.securityContext, 'podSecurityContext', `${id} pod securityContext`),
    );
    for (const c of containersOf(o)) {
      const w = `${id} container ${c.name}`;
      errors.push(
        ...unknownKeys(c, 'container', w),
        ...unknownKeys(c.securityContext, 'containerSecurityContext', `${w} securityContext`),
        ...unknownKeys(c.resources, 'resources', `${w} resources`),
      );
      for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe']) errors.push(...unknownKeys(c[p], 'probe', `${w} ${p}`));
    }
  }
  return errors;
}

function quantityToBytes(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(q));
  if (!m) return undefined;
  const mult: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Number(m[1]) * (m[2] ? mult[m[2]] : 1);
}

function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || !Object.keys(selector).length) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** Semantic checks on a rendered set of objects (one overlay). */
export function k8sSemanticErrors(objects: K8sObject[], opts: { secretKeys?: string[]; requireNamespace?: boolean } = {}): string[] {
  const errors: string[] = [];
  const byKind = (k: string) => objects.filter((o) => o.kind === k) as Json[];
  const deployments = byKind('Deployment');
  const services = byKind('Service');
  const configMaps = byKind('ConfigMap');
  const seen = new Set<string>();
  for (const o of objects) {
    if (opts.requireNamespace && o.kind !== 'Namespace' && !o.metadata.namespace) errors.push(`${o.kind}/${o.metadata.name}: no namespace`);
    seen.add(`${o.kind}/${o.metadata.name}`);
  }
  const workloads = objects.filter((o) => podSpecOf(o)) as Json[];
  for (const w of workloads) {
    const id = `${w.kind}/${w.metadata.name}`;
    const ps = podSpecOf(w);
    const psc = ps.securityContext ?? {};
    if (psc.runAsNonRoot !== true) errors.push(`${id}: pod securityContext.runAsNonRoot must be true`);
    if (psc.runAsUser === 0) errors.push(`${id}: runs as UID 0`);
    if (psc.seccompProfile?.type !== 'RuntimeDefault') errors.push(`${id}: pod seccompProfile must be RuntimeDefault`);
    const tmpVolumes = new Set((ps.volumes ?? []).filter((v: Json) => v.emptyDir).map((v: Json) => v.name));
    for (const c of containersOf(w)) {
      const cid = `${id} container ${c.name}`;
      const sc = c.securityContext ?? {};
      if (sc.readOnlyRootFilesystem !== true) errors.push(`${cid}: readOnlyRootFilesystem must be true`);
      if (sc.allowPrivilegeEscalation !== false) errors.push(`${cid}: allowPrivilegeEscalation must be false`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) errors.push(`${cid}: capabilities must drop ALL`);
      if (sc.privileged) errors.push(`${cid}: privileged`);
      if (!(c.volumeMounts ?? []).some((m: Json) => m.mountPath === '/tmp' && tmpVolumes.has(m.name)))
        errors.push(`${cid}: /tmp is not an emptyDir mount (the root filesystem is read-only)`);
      for (const kind of ['requests', 'limits'])
        for (const r of ['cpu', 'memory'])
          if (c.resources?.[kind]?.[r] === undefined) errors.push(`${cid}: resources.${kind}.${r} not set`);
      if (!isPinned(c.image ?? '')) errors.push(`${cid}: image "${c.image}" is not pinned to a version`);
      const heap = /--max-old-space-size=(\d+)/.exec((c.env ?? []).find((e: Json) => e.name === 'NODE_OPTIONS')?.value ?? '');
      const limit = quantityToBytes(c.resources?.limits?.memory);
      if (heap && limit && Number(heap[1]) * 1024 * 1024 > 0.8 * limit)
        errors.push(
          `${cid}: NODE_OPTIONS heap ${heap[1]} MiB leaves too little of the ${c.resources.limits.memory} limit (keep it <= 80%)`,
        );
      for (const ef of c.envFrom ?? []) {
        if (ef.configMapRef && !configMaps.some((cm) => cm.metadata.name === ef.configMapRef.name))
          errors.push(`${cid}: envFrom ConfigMap ${ef.configMapRef.name} does not exist`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref && opts.secretKeys && !opts.secretKeys.includes(ref.key))
          errors.push(`${cid}: secret key ${ref.key} is not in k8s/secrets.env.example`);
        const cmRef = e.valueFrom?.configMapKeyRef;
        if (cmRef && !configMaps.some((cm) => cm.metadata.name === cmRef.name && cmRef.key in (cm.data ?? {})))
          errors.push(`${cid}: ConfigMap key ${cmRef.name}/${cmRef.key} does not exist`);
      }
    }
  }
  for (const d of deployments) {
    const id = `Deployment/${d.metadata.name}`;
    const tpl = d.spec?.template ?? {};
    if (!selectorMatches(d.spec?.selector?.matchLabels, tpl.metadata?.labels))
      errors.push(`${id}: selector does not match the pod template labels`);
    for (const c of tpl.spec?.containers ?? []) {
      const cid = `${id} container ${c.name}`;
      const ports = c.ports ?? [];
      const portOk = (p: Json) =>
        typeof p === 'number' ? ports.some((x: Json) => x.containerPort === p) : ports.some((x: Json) => x.name === p);
      const probe = (name: string, path: string) => {
        const pr = c[name];
        if (!pr) errors.push(`${cid}: no ${name}`);
        else if (pr.httpGet?.path !== path) errors.push(`${cid}: ${name} must GET ${path} (has ${pr.httpGet?.path ?? 'no httpGet'})`);
        else if (!portOk(pr.httpGet.port)) errors.push(`${cid}: ${name} port ${pr.httpGet.port} is not a container port`);
      };
      probe('readinessProbe', '/health/ready');
      probe('livenessProbe', '/health/live');
      // Environment coverage: the ConfigMap(s) + env give every variable the service reads.
      const svc = (c.env ?? []).find((e: Json) => e.name === 'MARSAD_SERVICE')?.value;
      if (svc && SERVICE_ENV[svc]) {
        const names = new Set<string>((c.env ?? []).map((e: Json) => e.name));
        for (const ef of c.envFrom ?? [])
          for (const k of Object.keys(configMaps.find((cm) => cm.metadata.name === ef.configMapRef?.name)?.data ?? {})) names.add(k);
        for (const v of [...SERVICE_ENV[svc], ...(EXTRA_ENV[svc] ?? [])])
          if (!names.has(v)) errors.push(`${cid}: variable ${v} (read by ${svc}) comes from neither env nor the ConfigMap`);
        const port = Number((c.env ?? []).find((e: Json) => e.name === 'PORT')?.value);
        if (port !== SERVICE_PORTS[svc] || !ports.some((p: Json) => p.containerPort === port))
          errors.push(`${cid}: PORT ${port} must be ${SERVICE_PORTS[svc]} and a container port`);
      }
    }
    const isWorker = d.metadata.annotations?.['marsad.io/worker'] === 'true';
    const svcFor = services.find(
      (s) => s.metadata.namespace === d.metadata.namespace && selectorMatches(s.spec?.selector, tpl.metadata?.labels),
    );
    if (!svcFor && !isWorker) errors.push(`${id}: no Service selects its pods (annotate marsad.io/worker: "true" if it serves nothing)`);
    if (svcFor) {
      const cports = (tpl.spec?.containers ?? []).flatMap((c: Json) => c.ports ?? []);
      for (const p of svcFor.spec.ports ?? []) {
        const t = p.targetPort ?? p.port;
        if (!cports.some((cp: Json) => cp.name === t || cp.containerPort === t))
          errors.push(`Service/${svcFor.metadata.name}: targetPort ${t} is not a port of Deployment/${d.metadata.name}`);
      }
    }
  }
  for (const s of services) {
    if (
      !deployments.some(
        (d) => d.metadata.namespace === s.metadata.namespace && selectorMatches(s.spec?.selector, d.spec?.template?.metadata?.labels),
      )
    )
      errors.push(`Service/${s.metadata.name}: selects no Deployment's pods`);
  }
  const hpas = byKind('HorizontalPodAutoscaler');
  for (const h of hpas) {
    const id = `HorizontalPodAutoscaler/${h.metadata.name}`;
    const ref = h.spec?.scaleTargetRef ?? {};
    const target = objects.find(
      (o) => o.kind === ref.kind && o.metadata.name === ref.name && o.metadata.namespace === h.metadata.namespace,
    ) as Json;
    if (!target) errors.push(`${id}: scaleTargetRef ${ref.kind}/${ref.name} does not exist`);
    if ((h.spec?.minReplicas ?? 1) > h.spec?.maxReplicas) errors.push(`${id}: minReplicas > maxReplicas`);
    const svc = target
      ? (target.spec?.template?.spec?.containers?.[0]?.env ?? []).find((e: Json) => e.name === 'MARSAD_SERVICE')?.value
      : undefined;
    if (svc && PARTITION_BOUND.includes(svc) && h.spec?.maxReplicas > DEFAULT_PARTITIONS)
      errors.push(`${id}: maxReplicas ${h.spec.maxReplicas} exceeds the ${DEFAULT_PARTITIONS} partitions per topic (extra consumers idle)`);
    if (target && !(target.spec?.template?.spec?.containers ?? []).every((c: Json) => c.resources?.requests?.cpu))
      errors.push(`${id}: CPU utilisation target needs CPU requests on ${ref.name}`);
  }
  errors.push(...kedaErrors(objects)); // consumers scale on Kafka lag (KEDA ScaledObjects): tools/packaging/keda.ts
  for (const svc of SERVICES) {
    if (
      !deployments.some((d) =>
        (d.spec?.template?.spec?.containers?.[0]?.env ?? []).some((e: Json) => e.name === 'MARSAD_SERVICE' && e.value === svc),
      )
    )
      errors.push(`no Deployment runs MARSAD_SERVICE=${svc}`);
  }
  for (const p of byKind('PodDisruptionBudget')) {
    if (
      !deployments.some(
        (d) =>
          d.metadata.namespace === p.metadata.namespace &&
          selectorMatches(p.spec?.selector?.matchLabels, d.spec?.template?.metadata?.labels),
      )
    )
      errors.push(`PodDisruptionBudget/${p.metadata.name}: selects no Deployment's pods`);
  }
  for (const d of deployments) {
    if (
      !byKind('PodDisruptionBudget').some(
        (p) =>
          p.metadata.namespace === d.metadata.namespace &&
          selectorMatches(p.spec?.selector?.matchLabels, d.spec?.template?.metadata?.labels),
      )
    )
      errors.push(`Deployment/${d.metadata.name}: no PodDisruptionBudget`);
  }
  const jobs = byKind('Job');
  if (!jobs.some((j) => (podSpecOf(j)?.containers ?? []).some((c: Json) => (c.args ?? []).includes('bootstrap'))))
    errors.push('no bootstrap Job (args: ["bootstrap"]: topics, index template, Kibana import)');
  return errors;
}

export function renderAndValidateOverlay(dir: string, secretKeys?: string[]): { objects: K8sObject[]; errors: string[] } {
  let objects: K8sObject[];
  try {
    objects = renderKustomization(dir);
  } catch (err) {
    return { objects: [], errors: [`render ${dir}: ${(err as Error).message}`] };
  }
  const errors = [...objects.flatMap(k8sSchemaErrors), ...k8sSemanticErrors(objects, { secretKeys, requireNamespace: true })];
  return { objects, errors };
}

// ================================================================================================
// Kibana saved objects
// ================================================================================================

export interface FieldInfo {
  type: string;
  /** Under a `nested` field: Kibana visualisations cannot aggregate it. */
  nested: boolean;
}

/** Flattens an ES mapping to dotted field names (`source.domain`, `actors.id`). */
export function flattenMapping(
  mapping: Json,
  prefix = '',
  nested = false,
  out: Map<string, FieldInfo> = new Map(),
): Map<string, FieldInfo> {
  for (const [name, def] of Object.entries<Json>(mapping?.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const type = def.type ?? 'object';
    if (def.enabled === false || def.index === false) {
      out.set(path, { type: 'unsearchable', nested });
      continue;
    }
    if (def.properties) {
      out.set(path, { type, nested });
      flattenMapping(def, path, nested || type === 'nested', out);
    } else out.set(path, { type, nested });
  }
  return out;
}

const AGGREGATABLE = new Set([
  'keyword',
  'date',
  'integer',
  'long',
  'float',
  'double',
  'short',
  'byte',
  'half_float',
  'scaled_float',
  'boolean',
  'ip',
]);
const NUMERIC = new Set(['integer', 'long', 'float', 'double', 'short', 'byte', 'half_float', 'scaled_float']);
const SEARCHABLE = new Set([...AGGREGATABLE, 'text']);

/** Field names used in a KQL query (`a : x and b.c : "y"`); quoted strings are ignored. */
export function kqlFields(query: string): string[] {
  const stripped = query.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...stripped.matchAll(/([A-Za-z_@][\w.@]*)\s*(?::|<=|>=|<|>)/g)].map((m) => m[1]).filter((f) => !/^(and|or|not)$/i.test(f));
}

export interface SavedObjectsInputs {
  ndjson: string;
  /** data view title -> mapping */
  mappings: Record<string, Json>;
}

const SO_TYPES = new Set(['index-pattern', 'search', 'lens', 'visualization', 'dashboard']);

/**
 * Attribute names Kibana 8.19 accepts per type (its saved-object schemas, e.g. the saved search
 * model versions): an unknown attribute makes the import fail, so it is caught here first.
 */
const SO_ATTRIBUTES: Record<string, string[]> = {
  'index-pattern': [
    'title',
    'name',
    'type',
    'typeMeta',
    'timeFieldName',
    'intervalName',
    'sourceFilters',
    'fields',
    'fieldFormatMap',
    'fieldAttrs',
    'runtimeFieldMap',
    'allowNoIndex',
    'allowHidden',
  ],
  search: [
    'title',
    'description',
    'columns',
    'sort',
    'grid',
    'rowHeight',
    'rowsPerPage',
    'headerRowHeight',
    'hideChart',
    'breakdownField',
    'kibanaSavedObjectMeta',
    'isTextBasedQuery',
    'usesAdHocDataView',
    'timeRestore',
    'timeRange',
    'refreshInterval',
    'viewMode',
    'hideAggregatedPreview',
    'hits',
    'version',
    'sampleSize',
    'visContext',
    'density',
  ],
  lens: ['title', 'description', 'visualizationType', 'state', 'expression'],
  visualization: ['title', 'description', 'visState', 'uiStateJSON', 'kibanaSavedObjectMeta', 'savedSearchRefName', 'version'],
  dashboard: [
    'title',
    'description',
    'hits',
    'kibanaSavedObjectMeta',
    'optionsJSON',
    'panelsJSON',
    'refreshInterval',
    'timeFrom',
    'timeRestore',
    'timeTo',
    'version',
    'controlGroupInput',
  ],
};

export function validateSavedObjects({ ndjson, mappings }: SavedObjectsInputs): string[] {
  const errors: string[] = [];
  const objects: Json[] = [];
  ndjson.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      objects.push(JSON.parse(line));
    } catch (err) {
      errors.push(`line ${i + 1}: not JSON (${(err as Error).message})`);
    }
  });
  const key = (type: string, id: string) => `${type}:${id}`;
  const byKey = new Map(objects.map((o) => [key(o.type, o.id), o]));
  if (byKey.size !== objects.length) errors.push('duplicate type:id in the file');
  const fieldsOf = new Map<string, Map<string, FieldInfo>>();
  for (const o of objects) {
    if (o.type !== 'index-pattern') continue;
    const mapping = mappings[o.attributes?.title];
    if (!mapping)
      errors.push(
        `index-pattern ${o.id}: title "${o.attributes?.title}" is not one of the Marsad indices (${Object.keys(mappings).join(', ')})`,
      );
    else fieldsOf.set(o.id, flattenMapping(mapping));
  }
  const semver = /^\d+\.\d+\.\d+$/;
  for (const o of objects) {
    const id = `${o.type} ${o.id}`;
    if (!SO_TYPES.has(o.type)) errors.push(`${id}: unexpected type`);
    if (typeof o.id !== 'string' || !o.id) errors.push(`${o.type}: missing id`);
    if (!o.attributes || typeof o.attributes !== 'object') errors.push(`${id}: missing attributes`);
    if (!Array.isArray(o.references)) errors.push(`${id}: references must be an array`);
    if (!semver.test(o.coreMigrationVersion ?? '')) errors.push(`${id}: coreMigrationVersion missing or not x.y.z`);
    if (!semver.test(o.typeMigrationVersion ?? '')) errors.push(`${id}: typeMigrationVersion missing or not x.y.z`);
    if (o.type !== 'index-pattern' && !o.attributes?.title) errors.push(`${id}: no title`);
    for (const k of Object.keys(o.attributes ?? {}))
      if (SO_ATTRIBUTES[o.type] && !SO_ATTRIBUTES[o.type].includes(k))
        errors.push(`${id}: unknown attribute "${k}" (Kibana rejects the import)`);
    for (const r of o.references ?? []) {
      if (!byKey.has(key(r.type, r.id))) errors.push(`${id}: reference ${r.name} -> ${r.type}/${r.id} is not in the file`);
    }
    const refNamed = (name: string) => (o.references ?? []).find((r: Json) => r.name === name);
    const fieldCheck = (
      dataViewId: string | undefined,
      field: string,
      where: string,
      need: 'exists' | 'aggregatable' | 'date' | 'numeric' | 'searchable' = 'exists',
    ) => {
      const fields = dataViewId ? fieldsOf.get(dataViewId) : undefined;
      if (!fields) {
        errors.push(`${id}: ${where}: no data view to resolve field "${field}"`);
        return;
      }
      const f = fields.get(field);
      const title = byKey.get(key('index-pattern', dataViewId!))?.attributes?.title;
      if (!f) return void errors.push(`${id}: ${where}: field "${field}" is not in the ${title} mapping`);
      if (need === 'aggregatable' && (!AGGREGATABLE.has(f.type) || f.nested))
        errors.push(`${id}: ${where}: field "${field}" (${f.nested ? 'nested ' : ''}${f.type}) cannot be aggregated in Kibana`);
      if (need === 'date' && f.type !== 'date') errors.push(`${id}: ${where}: field "${field}" is ${f.type}, not a date`);
      if (need === 'numeric' && !NUMERIC.has(f.type)) errors.push(`${id}: ${where}: field "${field}" is ${f.type}, not numeric`);
      if (need === 'searchable' && !SEARCHABLE.has(f.type)) errors.push(`${id}: ${where}: field "${field}" (${f.type}) is not searchable`);
    };
    const a = o.attributes ?? {};
    if (o.type === 'index-pattern') {
      const parseJsonAttr = (name: string): Json => {
        try {
          return a[name] ? JSON.parse(a[name]) : undefined;
        } catch {
          errors.push(`${id}: attribute ${name} is not JSON`);
          return undefined;
        }
      };
      if (a.timeFieldName) fieldCheck(o.id, a.timeFieldName, 'timeFieldName', 'date');
      for (const f of Object.keys(parseJsonAttr('fieldAttrs') ?? {})) fieldCheck(o.id, f, 'fieldAttrs');
      for (const f of Object.keys(parseJsonAttr('fieldFormatMap') ?? {})) fieldCheck(o.id, f, 'fieldFormatMap');
      for (const sf of parseJsonAttr('sourceFilters') ?? []) fieldCheck(o.id, sf.value, 'sourceFilters');
      for (const n of ['fields', 'runtimeFieldMap']) parseJsonAttr(n);
    }
    if (o.type === 'search') {
      let ss: Json;
      try {
        ss = JSON.parse(a.kibanaSavedObjectMeta?.searchSourceJSON ?? '');
      } catch {
        errors.push(`${id}: kibanaSavedObjectMeta.searchSourceJSON is not JSON`);
        continue;
      }
      const dv = refNamed(ss.indexRefName ?? '')?.id;
      if (!dv) errors.push(`${id}: searchSourceJSON.indexRefName ${ss.indexRefName} has no reference`);
      for (const c of a.columns ?? []) fieldCheck(dv, c, 'columns');
      for (const s of a.sort ?? []) fieldCheck(dv, s[0], 'sort', 'aggregatable');
      for (const f of kqlFields(ss.query?.query ?? '')) fieldCheck(dv, f, 'query', 'searchable');
      for (const [i, flt] of (ss.filter ?? []).entries()) {
        const fdv = flt.meta?.indexRefName ? refNamed(flt.meta.indexRefName)?.id : dv;
        if (flt.meta?.indexRefName && !fdv) errors.push(`${id}: filter ${i} indexRefName ${flt.meta.indexRefName} has no reference`);
        if (flt.meta?.key) fieldCheck(fdv, flt.meta.key, `filter ${i}`, 'searchable');
        const qfields = Object.values<Json>(flt.query ?? {}).flatMap((q: Json) => (q && typeof q === 'object' ? Object.keys(q) : []));
        for (const qf of qfields.filter((f) => !['should', 'must', 'filter', 'must_not', 'minimum_should_match'].includes(f)))
          fieldCheck(fdv, qf, `filter ${i} query`, 'searchable');
        for (const s of flt.query?.bool?.should ?? [])
          for (const qf of Object.keys(Object.values<Json>(s)[0] ?? {})) fieldCheck(fdv, qf, `filter ${i} query`, 'searchable');
      }
    }
    if (o.type === 'lens') {
      const layers = a.state?.datasourceStates?.formBased?.layers ?? a.state?.datasourceStates?.indexpattern?.layers;
      if (!layers || !Object.keys(layers).length) errors.push(`${id}: no formBased layers`);
      for (const [layerId, layer] of Object.entries<Json>(layers ?? {})) {
        const dv = refNamed(`indexpattern-datasource-layer-${layerId}`)?.id;
        if (!dv) errors.push(`${id}: layer ${layerId} has no indexpattern-datasource-layer reference`);
        const cols = layer.columns ?? {};
        for (const cid of layer.columnOrder ?? []) if (!cols[cid]) errors.push(`${id}: columnOrder names missing column ${cid}`);
        for (const [cid, col] of Object.entries<Json>(cols)) {
          const where = `layer ${layerId} column ${cid} (${col.operationType})`;
          if (col.sourceField && col.sourceField !== '___records___') {
            const need =
              col.operationType === 'date_histogram'
                ? 'date'
                : ['sum', 'average', 'median', 'percentile', 'min', 'max', 'standard_deviation'].includes(col.operationType)
                  ? 'numeric'
                  : 'aggregatable';
            fieldCheck(dv, col.sourceField, where, need);
          } else if (col.operationType !== 'count' && !['formula', 'math', 'static_value'].includes(col.operationType))
            errors.push(`${id}: ${where} has no sourceField`);
          if (col.filter?.query) for (const f of kqlFields(col.filter.query)) fieldCheck(dv, f, `${where} filter`, 'searchable');
          if (col.params?.orderBy?.type === 'column' && !cols[col.params.orderBy.columnId])
            errors.push(`${id}: ${where} orders by missing column ${col.params.orderBy.columnId}`);
        }
        // Every accessor the visualisation names is a column of this layer.
        const vis = a.state?.visualization ?? {};
        const visLayers = Array.isArray(vis.layers)
          ? vis.layers.filter((l: Json) => l.layerId === layerId)
          : vis.layerId === layerId
            ? [vis]
            : [];
        if (!visLayers.length) errors.push(`${id}: visualization has no layer ${layerId}`);
        for (const vl of visLayers) {
          const accessors = [
            vl.xAccessor,
            vl.yAccessor,
            vl.splitAccessor,
            vl.valueAccessor,
            vl.metricAccessor,
            ...(vl.accessors ?? []),
          ].filter(Boolean);
          for (const acc of accessors)
            if (!cols[acc]) errors.push(`${id}: visualization accessor ${acc} is not a column of layer ${layerId}`);
        }
      }
      for (const f of kqlFields(a.state?.query?.query ?? ''))
        fieldCheck(refNamed(`indexpattern-datasource-layer-${Object.keys(layers ?? {})[0]}`)?.id, f, 'query', 'searchable');
    }
    if (o.type === 'dashboard') {
      let panels: Json[] = [];
      try {
        panels = JSON.parse(a.panelsJSON ?? '[]');
      } catch {
        errors.push(`${id}: panelsJSON is not JSON`);
      }
      if (!panels.length) errors.push(`${id}: no panels`);
      const indices = new Set<string>();
      for (const p of panels) {
        if (!p.gridData || !p.panelIndex) errors.push(`${id}: panel without gridData/panelIndex`);
        if (indices.has(p.panelIndex)) errors.push(`${id}: duplicate panelIndex ${p.panelIndex}`);
        indices.add(p.panelIndex);
        if (p.gridData && (p.gridData.x < 0 || p.gridData.w < 1 || p.gridData.x + p.gridData.w > 48))
          errors.push(`${id}: panel ${p.panelIndex} does not fit the 48-column grid`);
        if (p.panelRefName && !refNamed(`${p.panelIndex}:${p.panelRefName}`))
          errors.push(`${id}: panel ${p.panelIndex} reference ${p.panelIndex}:${p.panelRefName} missing`);
        if (!p.panelRefName && !p.embeddableConfig?.attributes)
          errors.push(`${id}: panel ${p.panelIndex} is neither by reference nor by value`);
      }
      try {
        JSON.parse(a.optionsJSON ?? '{}');
        JSON.parse(a.kibanaSavedObjectMeta?.searchSourceJSON ?? '{}');
      } catch {
        errors.push(`${id}: optionsJSON or searchSourceJSON is not JSON`);
      }
    }
  }
  return errors;
}

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

// ================================================================================================
// Everything, on the repository files
// ================================================================================================

export function validateAll(root: string): CheckReport[] {
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  const reports: CheckReport[] = [];
  const composeText = read('docker-compose.yml');
  const envExample = read('.env.example');
  reports.push({
    name: 'docker-compose.yml',
    covers:
      'Compose Specification JSON schema (deploy/schemas/compose-spec.json, ajv) with merge keys resolved; every long-running service has a healthcheck, one-shots are awaited with service_completed_successfully, depends_on uses health conditions, images pinned, CPU+memory limits, ES = Kibana = 8.19.x, Kafka 3.9.x KRaft with auto-creation off, Redis AOF, Mailpit, ports 8080/5601/8025, each Marsad service gets every variable libs/config reads, HOST=0.0.0.0, every ${VAR} documented in .env.example',
    errors: validateCompose({ text: composeText, schemaFile: join(root, 'deploy/schemas/compose-spec.json'), envExample }),
  });
  const secretKeys = Object.keys(parseDotenv(read('k8s/secrets.env.example')));
  for (const overlay of ['dev', 'prod']) {
    const { objects, errors } = renderAndValidateOverlay(join(root, 'k8s/overlays', overlay), secretKeys);
    reports.push({
      name: `k8s/overlays/${overlay} (${objects.length} objects)`,
      covers:
        'rendered with tools/packaging/kustomize.ts; each object against the Kubernetes OpenAPI schema (kubernetes-models) plus unknown-field checks on pod specs/containers/probes/securityContexts; readiness /health/ready + liveness /health/live on a container port, requests+limits, runAsNonRoot, seccomp RuntimeDefault, read-only root fs, no privilege escalation, drop ALL, /tmp emptyDir, heap <= 80% of the memory limit, env covers every variable the service reads, Services select Deployments, HPAs target existing Deployments (<= partitions for Kafka consumers), PDBs, bootstrap Job, namespace set, secret keys documented',
      errors,
    });
  }
  const esImage = /docker\.elastic\.co\/elasticsearch\/elasticsearch:([^\s"']+)/.exec(composeText)?.[1];
  reports.push({
    name: 'k8s/examples (Strimzi, ECK)',
    covers:
      'Kafka CR with KRaft node pools (controller + broker), Kafka 3.9.x, auto-creation off; a KafkaTopic per contract topic (libs/contracts TOPIC), compacted exactly for COMPACTED_TOPICS, partitions > 1, max.message.bytes sized for 1 MiB bodies; ECK Elasticsearch and Kibana of the compose version',
    errors: validateExamples(join(root, 'k8s/examples'), esImage),
  });
  reports.push({
    name: 'deploy/kibana/marsad.ndjson',
    covers:
      'one JSON saved object per line with type/id/attributes/references/coreMigrationVersion/typeMigrationVersion; references resolve inside the file; data view titles are the Marsad indices; every field in fieldAttrs, fieldFormatMap, sourceFilters, timeFieldName (date), saved-search columns/sort/KQL/filters and Lens columns (sourceField aggregatable / date / numeric as the operation needs, no nested fields) and column filters exists in ARTICLES_MAPPINGS (libs/search) or the marsad-alerts mapping; Lens accessors name real columns; dashboard panels resolve',
    errors: validateSavedObjects({
      ndjson: read('deploy/kibana/marsad.ndjson'),
      mappings: { 'marsad-articles': ARTICLES_MAPPINGS, 'marsad-alerts': ALERTS_MAPPINGS },
    }),
  });
  return reports;
}

/** True when the repository has the packaging files (lets callers skip politely elsewhere). */
export const hasPackaging = (root: string) => existsSync(join(root, 'docker-compose.yml')) && existsSync(join(root, 'k8s'));
