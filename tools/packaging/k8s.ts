/** k8s overlays: every rendered object against the Kubernetes OpenAPI schemas plus semantic checks. */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { containersOf, podSpecOf, renderKustomization, type K8sObject } from './kustomize';
import { type Json, SERVICE_ENV, SERVICES, SERVICE_PORTS, EXTRA_ENV, DEFAULT_PARTITIONS, PARTITION_BOUND } from './common';
import { isPinned } from './compose';
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
  for (const svc of ['enricher', 'indexer', 'alerter']) {
    if (!hpas.some((h) => h.spec?.scaleTargetRef?.name === `marsad-${svc}`)) errors.push(`no HorizontalPodAutoscaler for marsad-${svc}`);
  }
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
