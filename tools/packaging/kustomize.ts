/**
 * A small, strict Kustomize renderer for the subset of features k8s/ uses, so CI can render the
 * overlays without kubectl/kustomize binaries: `resources` (files and kustomization directories),
 * `namespace`, `labels` (pairs, metadata only), `images`, `replicas` and `patches` in JSON 6902
 * form with a kind/name target. Any other kustomization field, or a patch it cannot apply, is an
 * error — never silently ignored — so what it renders is what `kustomize build` renders (the
 * packaging test cross-checks both when `kubectl` is installed).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  [k: string]: unknown;
};

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'replicas', 'patches']);
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
]);
const REPLICA_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export class KustomizeError extends Error {}

/** Parses every YAML document of a file (multi-document aware); empty documents are skipped. */
export function readYamlDocuments(file: string): unknown[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const out: unknown[] = [];
  for (const d of docs) {
    if (d.errors.length) throw new KustomizeError(`${file}: ${d.errors[0].message}`);
    const v = d.toJS();
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

function kustomizationFile(dir: string): string {
  for (const n of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
    const f = join(dir, n);
    if (existsSync(f)) return f;
  }
  throw new KustomizeError(`${dir}: no kustomization.yaml`);
}

/** Renders a kustomization directory to the list of objects `kustomize build` would print. */
export function renderKustomization(dir: string): K8sObject[] {
  const file = kustomizationFile(dir);
  const [k] = readYamlDocuments(file) as Record<string, any>[];
  for (const key of Object.keys(k ?? {})) {
    if (!SUPPORTED.has(key))
      throw new KustomizeError(
        `${file}: field "${key}" is not supported by tools/packaging/kustomize.ts (supported: ${[...SUPPORTED].join(', ')})`,
      );
  }
  let objects: K8sObject[] = [];
  for (const r of (k.resources ?? []) as string[]) {
    const p = resolve(dir, r);
    if (!existsSync(p)) throw new KustomizeError(`${file}: resource ${r} not found`);
    if (statSync(p).isDirectory()) objects.push(...renderKustomization(p));
    else objects.push(...(readYamlDocuments(p) as K8sObject[]));
  }
  const ids = new Set<string>();
  for (const o of objects) {
    if (!o || typeof o !== 'object' || !o.kind || !o.apiVersion || !o.metadata?.name)
      throw new KustomizeError(`${file}: a resource lacks apiVersion, kind or metadata.name`);
    const id = `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (ids.has(id)) throw new KustomizeError(`${file}: duplicate resource ${id}`);
    ids.add(id);
  }
  objects = structuredClone(objects);

  for (const l of (k.labels ?? []) as { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[]) {
    if (l.includeSelectors || l.includeTemplates)
      throw new KustomizeError(`${file}: labels.includeSelectors/includeTemplates are not supported`);
    for (const o of objects) o.metadata.labels = { ...(o.metadata.labels ?? {}), ...l.pairs };
  }
  for (const p of (k.patches ?? []) as { target?: { kind?: string; name?: string }; patch?: string; path?: string }[]) {
    if (!p.target || p.path || typeof p.patch !== 'string')
      throw new KustomizeError(`${file}: only inline JSON 6902 patches with a target are supported`);
    const ops = (readYamlString(p.patch, file) ?? []) as Json6902Op[];
    if (!Array.isArray(ops)) throw new KustomizeError(`${file}: patch for ${JSON.stringify(p.target)} is not a JSON 6902 operation list`);
    const targets = objects.filter((o) => matches(o, p.target!));
    if (!targets.length) throw new KustomizeError(`${file}: patch target ${JSON.stringify(p.target)} matches no resource`);
    for (const o of targets) for (const op of ops) applyOp(o, op, `${file}: patch on ${o.kind}/${o.metadata.name}`);
  }
  if (k.namespace) {
    for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
  }
  for (const img of (k.images ?? []) as { name: string; newName?: string; newTag?: string; digest?: string }[]) {
    for (const o of objects) for (const c of containersOf(o)) c.image = retag(c.image, img);
  }
  for (const r of (k.replicas ?? []) as { name: string; count: number }[]) {
    const hit = objects.filter((o) => REPLICA_KINDS.has(o.kind) && o.metadata.name === r.name);
    if (!hit.length) throw new KustomizeError(`${file}: replicas for ${r.name} match no workload`);
    for (const o of hit) (o as any).spec.replicas = r.count;
  }
  return objects;
}

function readYamlString(text: string, where: string): unknown {
  const docs = parseAllDocuments(text);
  if (docs.length !== 1 || docs[0].errors.length) throw new KustomizeError(`${where}: patch is not one YAML document`);
  return docs[0].toJS();
}

function matches(o: K8sObject, t: { kind?: string; name?: string }): boolean {
  if (t.kind && o.kind !== t.kind) return false;
  // kustomize treats target names as anchored regular expressions
  if (t.name && !new RegExp(`^(?:${t.name})$`).test(o.metadata.name)) return false;
  return true;
}

export interface Json6902Op {
  op: 'add' | 'replace' | 'remove' | 'test';
  path: string;
  value?: unknown;
}

/** RFC 6902 add/replace/remove/test on a JSON pointer (RFC 6901). */
export function applyOp(doc: unknown, op: Json6902Op, where = 'patch'): void {
  if (!['add', 'replace', 'remove', 'test'].includes(op.op)) throw new KustomizeError(`${where}: operation ${op.op} not supported`);
  const parts = op.path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (!parts.length) throw new KustomizeError(`${where}: empty path`);
  let cur: any = doc;
  for (const key of parts.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(key)] : cur?.[key];
    if (cur === undefined || cur === null || typeof cur !== 'object') throw new KustomizeError(`${where}: path ${op.path} does not exist`);
  }
  const last = parts[parts.length - 1];
  if (Array.isArray(cur)) {
    const idx = last === '-' ? cur.length : Number(last);
    if (!Number.isInteger(idx) || idx < 0 || idx > cur.length || (op.op !== 'add' && idx >= cur.length))
      throw new KustomizeError(`${where}: bad array index in ${op.path}`);
    if (op.op === 'add') cur.splice(idx, 0, structuredClone(op.value));
    else if (op.op === 'replace') cur[idx] = structuredClone(op.value);
    else if (op.op === 'remove') cur.splice(idx, 1);
    else if (JSON.stringify(cur[idx]) !== JSON.stringify(op.value)) throw new KustomizeError(`${where}: test failed at ${op.path}`);
    return;
  }
  if (op.op !== 'add' && !(last in cur)) throw new KustomizeError(`${where}: path ${op.path} does not exist`);
  if (op.op === 'remove') delete cur[last];
  else if (op.op === 'test') {
    if (JSON.stringify(cur[last]) !== JSON.stringify(op.value)) throw new KustomizeError(`${where}: test failed at ${op.path}`);
  } else cur[last] = structuredClone(op.value);
}

/** Pod spec of a workload (Deployment/StatefulSet/Job/...: spec.template.spec; CronJob: one level deeper). */
export function podSpecOf(o: K8sObject): any | undefined {
  const spec: any = (o as any).spec;
  if (o.kind === 'CronJob') return spec?.jobTemplate?.spec?.template?.spec;
  if (o.kind === 'Pod') return spec;
  return spec?.template?.spec;
}

export function containersOf(o: K8sObject): { name: string; image: string; [k: string]: any }[] {
  const ps = podSpecOf(o);
  return ps ? [...(ps.containers ?? []), ...(ps.initContainers ?? [])] : [];
}

/** kustomize `images`: match by name (ignoring tag/digest), then set newName / newTag / digest. */
function retag(image: string, rule: { name: string; newName?: string; newTag?: string; digest?: string }): string {
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon + 1) : undefined;
  if (name !== rule.name) return image;
  const newName = rule.newName ?? name;
  if (rule.digest) return `${newName}@${rule.digest}`;
  if (rule.newTag) return `${newName}:${rule.newTag}`;
  return `${newName}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
