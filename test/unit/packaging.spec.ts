/**
 * Packaging validation without a Docker engine or a cluster (issue 5): docker-compose.yml against
 * the Compose spec schema + semantics, the k8s overlays rendered and validated against the
 * Kubernetes schemas + semantics, the Kibana saved objects against the index mappings, the
 * Strimzi/ECK examples. Every validator is also shown to REJECT a deliberately broken copy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ARTICLES_MAPPINGS } from '@marsad/search';
import { ALERTS_MAPPINGS } from '@marsad/search';
import { renderKustomization, type K8sObject } from '../../tools/packaging/kustomize';
import {
  composeSchemaErrors,
  composeSemanticErrors,
  interpolate,
  k8sSchemaErrors,
  k8sSemanticErrors,
  kqlFields,
  parseCompose,
  validateAll,
  validateCompose,
  validateExamples,
  validateSavedObjects,
} from '../../tools/packaging/validate';

const root = resolve(__dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const schemaFile = join(root, 'deploy/schemas/compose-spec.json');
const composeText = read('docker-compose.yml');
const envExample = read('.env.example');
const ndjson = read('deploy/kibana/marsad.ndjson');
const mappings = { 'marsad-articles': ARTICLES_MAPPINGS, 'marsad-alerts': ALERTS_MAPPINGS };
const clone = <T>(v: T): T => structuredClone(v);

describe('validateAll on the repository files', () => {
  const reports = validateAll(root);
  it.each(reports.map((r) => [r.name, r] as const))('%s is valid', (_name, r) => {
    expect(r.errors).toEqual([]);
  });
});

describe('docker-compose.yml', () => {
  const doc = parseCompose(composeText);

  it('passes the Compose spec schema and the semantic checks', () => {
    expect(validateCompose({ text: composeText, schemaFile, envExample })).toEqual([]);
  });

  it('vendors the compose-spec schema unchanged (sha256 recorded in deploy/schemas/README.md)', () => {
    const sha = createHash('sha256').update(readFileSync(schemaFile)).digest('hex');
    expect(read('deploy/schemas/README.md')).toContain(sha);
  });

  it('rejects an unknown service key (schema)', () => {
    const bad = clone(doc);
    bad.services.enricher.healthchek = bad.services.enricher.healthcheck;
    expect(composeSchemaErrors(bad, schemaFile).join('\n')).toMatch(/enricher.*must NOT have additional properties.*healthchek/);
  });

  it('rejects a malformed duration and a wrong depends_on condition (schema)', () => {
    const bad = clone(doc);
    bad.services.redis.healthcheck.interval = 'ten seconds';
    bad.services.admin.depends_on.kafka.condition = 'service_up';
    const errs = composeSchemaErrors(bad, schemaFile).join('\n');
    expect(errs).toMatch(/redis\/healthcheck\/interval must match format "duration"/);
    expect(errs).toMatch(/admin\/depends_on/);
  });

  it('rejects a service without healthcheck, an unpinned image, a short depends_on and differing ES/Kibana versions (semantics)', () => {
    const bad = clone(doc);
    delete bad.services.indexer.healthcheck;
    bad.services.redis.image = 'redis:latest';
    bad.services.alerter.depends_on = ['kafka', 'redis'];
    bad.services.kibana.image = 'docker.elastic.co/kibana/kibana:8.19.3';
    const errs = composeSemanticErrors(bad, envExample).join('\n');
    expect(errs).toMatch(/services\.indexer: no healthcheck/);
    expect(errs).toMatch(/services\.redis: image "redis:latest" is not pinned/);
    expect(errs).toMatch(/services\.alerter: depends_on uses the short form/);
    expect(errs).toMatch(/Elasticsearch 8\.19\.\d+ and Kibana 8\.19\.3 must carry the same version/);
  });

  it('rejects Kafka auto topic creation, Redis without AOF and a missing variable (semantics)', () => {
    const bad = clone(doc);
    bad.services.kafka.environment.KAFKA_AUTO_CREATE_TOPICS_ENABLE = 'true';
    bad.services.redis.command = ['redis-server'];
    delete bad.services.indexer.environment.MARSAD_INDEX_BATCH_SIZE;
    const errs = composeSemanticErrors(bad, envExample).join('\n');
    expect(errs).toMatch(/KAFKA_AUTO_CREATE_TOPICS_ENABLE must be "false"/);
    expect(errs).toMatch(/Redis persistence off/);
    expect(errs).toMatch(/services\.indexer: environment lacks MARSAD_INDEX_BATCH_SIZE/);
  });

  it('rejects a ${VAR} that .env.example does not document', () => {
    const text = composeText.replace('LOG_LEVEL: ${LOG_LEVEL:-info}', 'LOG_LEVEL: ${MARSAD_LOGGING:-info}');
    expect(validateCompose({ text, schemaFile, envExample }).join('\n')).toMatch(
      /\$\{MARSAD_LOGGING\} is used in docker-compose.yml but not documented/,
    );
  });

  it('documents every variable of docs/architecture.md and libs/config in .env.example', () => {
    for (const v of [
      'KAFKA_BROKERS',
      'ELASTICSEARCH_URL',
      'REDIS_URL',
      'SMTP_URL',
      'PORT',
      'MARSAD_ADMIN_KEYS',
      'MARSAD_NAMESPACE',
      'MARSAD_MAX_BODY_BYTES',
      'MARSAD_WEBHOOK_ALLOW_CIDRS',
      'LOG_LEVEL',
      'MARSAD_DEDUP',
      'MARSAD_INDEX_BATCH_SIZE',
      'MARSAD_WEBHOOK_TIMEOUT_MS',
      'MARSAD_ALERT_ATTEMPTS',
      'MARSAD_ALERT_BACKOFF_MS',
    ]) {
      expect(envExample).toMatch(new RegExp(`^#? ?${v}=`, 'm'));
    }
  });

  it('interpolates like compose', () => {
    expect(interpolate('${A:-x}/${B-y}/${C:?boom}/${D}', { A: '', B: '', D: 'd' })).toBe('x//<C>/d');
  });
});

describe('k8s overlays', () => {
  const secretKeys = Object.keys(
    Object.fromEntries(
      read('k8s/secrets.env.example')
        .split('\n')
        .filter((l) => /^[A-Z]/.test(l))
        .map((l) => [l.split('=')[0], 1]),
    ),
  );
  const prod = renderKustomization(join(root, 'k8s/overlays/prod'));
  const dev = renderKustomization(join(root, 'k8s/overlays/dev'));
  const find = (objs: K8sObject[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name) as any;

  it('render the expected objects with namespace, image and replicas applied', () => {
    const kinds = prod.map((o) => o.kind).sort();
    expect(kinds.filter((k) => k === 'Deployment')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'HorizontalPodAutoscaler')).toHaveLength(0);
    expect(kinds.filter((k) => k === 'ScaledObject')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'PodDisruptionBudget')).toHaveLength(4);
    expect(kinds).toContain('Job');
    expect(prod.every((o) => o.metadata.namespace === 'marsad')).toBe(true);
    expect(find(prod, 'Deployment', 'marsad-enricher').spec.template.spec.containers[0].image).toBe(
      'registry.example.com/marsad/marsad:0.1.0',
    );
    expect(find(prod, 'Deployment', 'marsad-enricher').spec.replicas).toBe(3);
    expect(find(dev, 'Deployment', 'marsad-enricher').spec.replicas).toBe(1);
    expect(find(dev, 'ConfigMap', 'marsad-config').data.LOG_LEVEL).toBe('debug');
    expect(find(dev, 'ScaledObject', 'marsad-alerter').spec.maxReplicaCount).toBe(2);
  });

  it.each([['prod'], ['dev']])('%s: every object passes its Kubernetes schema and the semantic checks', (overlay) => {
    const objs = overlay === 'prod' ? prod : dev;
    expect(objs.flatMap(k8sSchemaErrors)).toEqual([]);
    expect(k8sSemanticErrors(objs, { secretKeys, requireNamespace: true })).toEqual([]);
  });

  it('rejects a Deployment without probes and with a writable root filesystem', () => {
    const objs = clone(prod);
    const c = find(objs, 'Deployment', 'marsad-indexer').spec.template.spec.containers[0];
    delete c.readinessProbe;
    delete c.livenessProbe;
    c.securityContext.readOnlyRootFilesystem = false;
    const errs = k8sSemanticErrors(objs).join('\n');
    expect(errs).toMatch(/marsad-indexer container indexer: no readinessProbe/);
    expect(errs).toMatch(/marsad-indexer container indexer: no livenessProbe/);
    expect(errs).toMatch(/readOnlyRootFilesystem must be true/);
  });

  it('rejects a root pod, missing limits, a ScaledObject on a missing Deployment and an orphan Service', () => {
    const objs = clone(prod);
    const d = find(objs, 'Deployment', 'marsad-alerter');
    d.spec.template.spec.securityContext.runAsNonRoot = false;
    delete d.spec.template.spec.containers[0].resources.limits;
    find(objs, 'ScaledObject', 'marsad-indexer').spec.scaleTargetRef.name = 'marsad-indexr';
    find(objs, 'Service', 'marsad-admin').spec.selector = { 'app.kubernetes.io/name': 'nothing' };
    const errs = k8sSemanticErrors(objs).join('\n');
    expect(errs).toMatch(/marsad-alerter: pod securityContext.runAsNonRoot must be true/);
    expect(errs).toMatch(/resources.limits.memory not set/);
    expect(errs).toMatch(/ScaledObject\/marsad-indexer: scaleTargetRef Deployment\/marsad-indexr does not exist/);
    expect(errs).toMatch(/no KEDA ScaledObject for marsad-indexer/);
    expect(errs).toMatch(/Service\/marsad-admin: selects no Deployment/);
    expect(errs).toMatch(/Deployment\/marsad-admin: no Service selects its pods/);
  });

  it('rejects an enricher ScaledObject scaling past the partition count or on the wrong lag, and a competing HPA', () => {
    const objs = clone(prod);
    const so = find(objs, 'ScaledObject', 'marsad-enricher');
    so.spec.maxReplicaCount = 12;
    so.spec.triggers[0].metadata.consumerGroup = 'marsad.indexer';
    so.spec.triggers[0].metadata.lagTreshold = '10';
    objs.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'cpu', namespace: so.metadata.namespace },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'marsad-enricher' }, maxReplicas: 2 },
    });
    const errs = k8sSemanticErrors(objs).join('\n');
    expect(errs).toMatch(/maxReplicaCount 12 exceeds the 3 partitions/);
    expect(errs).toMatch(/consumerGroup is "marsad.indexer", enricher consumes as "marsad.enricher"/);
    expect(errs).toMatch(/unknown kafka trigger metadata "lagTreshold"/);
    expect(errs).toMatch(/HorizontalPodAutoscaler\/cpu: marsad-enricher is scaled by ScaledObject\/marsad-enricher/);
  });

  it('rejects schema violations: wrong types, a missing required field, an unknown container field', () => {
    const dep = clone(find(prod, 'Deployment', 'marsad-admin'));
    dep.spec.template.spec.containers[0].ports[0].containerPort = '8080';
    dep.spec.template.spec.containers[0].readinesProbe = dep.spec.template.spec.containers[0].readinessProbe;
    delete dep.spec.selector;
    const errs = k8sSchemaErrors(dep).join('\n');
    expect(errs).toMatch(/containerPort must be integer/);
    expect(errs).toMatch(/spec must have required property '?selector'?/);
    expect(errs).toMatch(/unknown field "readinesProbe"/);
    const so = clone(find(prod, 'ScaledObject', 'marsad-alerter'));
    so.spec.maxReplicaCount = 'many';
    delete so.spec.triggers;
    const soErrs = k8sSchemaErrors(so).join('\n');
    expect(soErrs).toMatch(/maxReplicaCount must be integer/);
    expect(soErrs).toMatch(/must have required property '?triggers'?/);
    expect(k8sSchemaErrors({ apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'x' } }).join('\n')).toMatch(/no schema/);
  });

  it('renderer refuses kustomization features it does not implement', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-kust-'));
    try {
      writeFileSync(join(dir, 'kustomization.yaml'), 'resources: []\nnamePrefix: x-\n');
      expect(() => renderKustomization(dir)).toThrow(/field "namePrefix" is not supported/);
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        `resources: ["${join(root, 'k8s/base')}"]\npatches:\n  - target: {kind: Deployment, name: nope}\n    patch: |-\n      - op: replace\n        path: /spec/replicas\n        value: 1\n`,
      );
      expect(() => renderKustomization(dir)).toThrow(/matches no resource/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Faithfulness of the in-repo renderer: where kubectl (with its built-in kustomize) is installed,
  // both renderings must be identical. CI machines without kubectl skip this comparison.
  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  const haveKubectl = kubectl.status === 0;
  (haveKubectl ? it.each([['prod'], ['dev'], ['../base']]) : it.skip.each([['prod'], ['dev'], ['../base']]))(
    'renders %s exactly like `kubectl kustomize`',
    (overlay) => {
      const dir = join(root, 'k8s/overlays', overlay);
      const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
      const theirs = parseAllDocuments(out)
        .map((d) => d.toJS())
        .filter(Boolean) as K8sObject[];
      const key = (o: K8sObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
      const ours = renderKustomization(dir);
      expect(new Map(ours.map((o) => [key(o), o]))).toEqual(new Map(theirs.map((o) => [key(o), o])));
    },
  );
});

describe('Kibana saved objects', () => {
  it('are valid and reference only mapped fields', () => {
    expect(validateSavedObjects({ ndjson, mappings })).toEqual([]);
  });

  it('contain the data views, three saved searches, six Lens visualisations and the dashboard', () => {
    const objs = ndjson
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const dv = objs.filter((o) => o.type === 'index-pattern');
    expect(dv.map((o) => [o.attributes.title, o.attributes.timeFieldName])).toEqual([
      ['marsad-articles', 'publishedAt'],
      ['marsad-alerts', 'attemptedAt'],
    ]);
    expect(objs.filter((o) => o.type === 'search')).toHaveLength(3);
    expect(objs.filter((o) => o.type === 'lens')).toHaveLength(6);
    const dash = objs.find((o) => o.type === 'dashboard');
    expect(JSON.parse(dash.attributes.panelsJSON)).toHaveLength(6);
    const fields = JSON.stringify(objs);
    for (const f of ['actorNames', 'claimSpeakerIds', 'language', 'publishedAt', 'latencyMs']) expect(fields).toContain(f);
  });

  it('match their generator (tools/packaging/gen-kibana-objects.mjs)', () => {
    const out = execFileSync(process.execPath, [join(root, 'tools/packaging/gen-kibana-objects.mjs')], { encoding: 'utf8' });
    expect(out).toBe(ndjson);
  });

  const lines = () =>
    ndjson
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  const toText = (objs: unknown[]) => objs.map((o) => JSON.stringify(o)).join('\n');

  it('rejects a saved search with a column and a query field that are not in the mapping', () => {
    const objs = lines();
    const s = objs.find((o) => o.id === 'marsad-search-claims-by-speaker');
    s.attributes.columns.push('speakerName');
    const ss = JSON.parse(s.attributes.kibanaSavedObjectMeta.searchSourceJSON);
    ss.query.query = 'claimSpeaker : *';
    s.attributes.kibanaSavedObjectMeta.searchSourceJSON = JSON.stringify(ss);
    const errs = validateSavedObjects({ ndjson: toText(objs), mappings }).join('\n');
    expect(errs).toMatch(/claims-by-speaker: columns: field "speakerName" is not in the marsad-articles mapping/);
    expect(errs).toMatch(/query: field "claimSpeaker" is not in the marsad-articles mapping/);
  });

  it('rejects Lens columns on missing, text and nested fields, and a wrong time field', () => {
    const objs = lines();
    const top = objs.find((o) => o.id === 'marsad-lens-top-actors');
    top.attributes.state.datasourceStates.formBased.layers.layer1.columns.actor.sourceField = 'actors.name';
    const lang = objs.find((o) => o.id === 'marsad-lens-articles-by-language');
    lang.attributes.state.datasourceStates.formBased.layers.layer1.columns.lang.sourceField = 'title';
    const lat = objs.find((o) => o.id === 'marsad-lens-delivery-latency');
    lat.attributes.state.datasourceStates.formBased.layers.layer1.columns.p95.sourceField = 'deliveryLatency';
    objs.find((o) => o.id === 'marsad-alerts-data-view').attributes.timeFieldName = 'firedAt';
    const errs = validateSavedObjects({ ndjson: toText(objs), mappings }).join('\n');
    expect(errs).toMatch(/top-actors: .*field "actors.name" \(nested keyword\) cannot be aggregated/);
    expect(errs).toMatch(/articles-by-language: .*field "title" \(text\) cannot be aggregated/);
    expect(errs).toMatch(/delivery-latency: .*field "deliveryLatency" is not in the marsad-alerts mapping/);
    expect(errs).toMatch(/timeFieldName: field "firedAt" is not in the marsad-alerts mapping/);
  });

  it('rejects dangling references, a missing migration version, unknown attributes, off-grid panels and invalid JSON', () => {
    const objs = lines();
    objs.find((o) => o.type === 'dashboard').references.pop();
    delete objs.find((o) => o.type === 'search').typeMigrationVersion;
    objs.find((o) => o.id === 'marsad-search-articles-by-actor').attributes.columnz = ['title'];
    const dash = objs.find((o) => o.type === 'dashboard');
    const panels = JSON.parse(dash.attributes.panelsJSON);
    panels[0].gridData.w = 60;
    dash.attributes.panelsJSON = JSON.stringify(panels);
    const errs = validateSavedObjects({ ndjson: toText(objs) + '\n{not json', mappings }).join('\n');
    expect(errs).toMatch(/articles-by-actor: unknown attribute "columnz"/);
    expect(errs).toMatch(/panel p1 does not fit the 48-column grid/);
    expect(errs).toMatch(/panel p6 reference p6:panel_p6 missing/);
    expect(errs).toMatch(/typeMigrationVersion missing/);
    expect(errs).toMatch(/not JSON/);
  });

  it('extracts KQL field names', () => {
    expect(kqlFields('language : "ar" and actorIds : * or not source.domain:"a:b" and x >= 3')).toEqual([
      'language',
      'actorIds',
      'source.domain',
      'x',
    ]);
  });

  it('the importer rewrites data view titles for MARSAD_NAMESPACE', () => {
    // an ES module: run it in a child Node process (jest here transpiles CommonJS only)
    const script = `import { applyNamespace } from ${JSON.stringify(join(root, 'deploy/kibana/import-saved-objects.mjs'))}; import { readFileSync } from 'node:fs'; process.stdout.write(applyNamespace(readFileSync(process.argv[1], 'utf8'), 'Team1'));`;
    const res = execFileSync(process.execPath, ['--input-type=module', '-e', script, join(root, 'deploy/kibana/marsad.ndjson')], {
      encoding: 'utf8',
    });
    const out = res
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.filter((o) => o.type === 'index-pattern').map((o) => o.attributes.title)).toEqual([
      'team1-marsad-articles',
      'team1-marsad-alerts',
    ]);
  });
});

describe('Strimzi / ECK examples', () => {
  it('are consistent with the contracts and the compose versions', () => {
    expect(
      validateExamples(join(root, 'k8s/examples'), /docker\.elastic\.co\/elasticsearch\/elasticsearch:([^\s"']+)/.exec(composeText)?.[1]),
    ).toEqual([]);
  });

  it('rejects a non-compacted marsad.watches and an ECK version that differs from compose', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-ex-'));
    try {
      cpSync(join(root, 'k8s/examples'), dir, { recursive: true });
      const topics = join(dir, 'strimzi/topics.yaml');
      writeFileSync(
        topics,
        readFileSync(topics, 'utf8').replace(
          /topicName: marsad.watches([\s\S]*?)cleanup.policy: compact/,
          'topicName: marsad.watches$1cleanup.policy: delete',
        ),
      );
      const eck = join(dir, 'eck/elasticsearch-kibana.yaml');
      writeFileSync(eck, readFileSync(eck, 'utf8').replace(/version: 8\.19\.\d+/, 'version: 8.18.0'));
      const errs = validateExamples(dir, '8.19.21').join('\n');
      expect(errs).toMatch(/KafkaTopic marsad.watches: must be compacted/);
      expect(errs).toMatch(/ECK: Elasticsearch 8.18.0 and Kibana 8.19.\d+ differ/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('image files', () => {
  const dockerfile = read('Dockerfile');
  it('Dockerfile: multi-stage on node:20-bookworm-slim, npm ci + build, prod deps only, non-root, HEALTHCHECK on /health/live', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/RUN .*npm ci --ignore-scripts/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/health\/live/m);
    // everything the runtime stage copies from the context is allowed by .dockerignore
    expect(dockerfile).toMatch(/COPY libs\/kb\/data/);
  });

  it('.dockerignore keeps tests, corpus, demo and secrets out of the build context', () => {
    const di = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(di[0]).toBe('*');
    for (const p of ['!test', '!test/', '!demo/', '!.env', '!docs/']) expect(di).not.toContain(p);
    expect(di).toEqual(expect.arrayContaining(['**/*.spec.ts', '**/.env', '!deploy/kibana/marsad.ndjson']));
  });

  it('.dockerignore, applied with the Docker matching rules, lets exactly the build inputs through', () => {
    const paths = [
      'package.json',
      'package-lock.json',
      'apps/admin/src/main.ts',
      'libs/kb/data/people.json',
      'tools/cli/topics.ts',
      'deploy/kibana/marsad.ndjson',
      'deploy/docker/entrypoint.sh',
      'test/unit/packaging.spec.ts',
      'test/gold/corpus/x.json',
      'demo/articles/en-1.json',
      'docs/deploy.md',
      '.env',
      'libs/alerts/src/matcher.spec.ts',
      'tools/packaging/validate.ts',
      'k8s/base/admin.yaml',
      'node_modules/x/index.js',
      'dist/apps/admin/src/main.js',
    ];
    const script = `import { dockerignore } from ${JSON.stringify(join(root, 'tools/packaging/emulate-image.mjs'))}; import { readFileSync } from 'node:fs'; const ok = dockerignore(readFileSync(process.argv[1], 'utf8')); process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).filter(ok)));`;
    const allowed = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script, join(root, '.dockerignore'), JSON.stringify(paths)], {
        encoding: 'utf8',
      }),
    );
    expect(allowed).toEqual([
      'package.json',
      'package-lock.json',
      'apps/admin/src/main.ts',
      'libs/kb/data/people.json',
      'tools/cli/topics.ts',
      'deploy/kibana/marsad.ndjson',
      'deploy/docker/entrypoint.sh',
    ]);
  });

  it('entrypoint maps MARSAD_SERVICE / first argument to dist/apps/<app>/src/main.js', () => {
    const sh = read('deploy/docker/entrypoint.sh');
    expect(sh).toMatch(/admin\|enricher\|indexer\|alerter\)/);
    expect(sh).toContain('exec node "dist/apps/$svc/src/main.js"');
    expect(spawnSync('sh', ['-n', join(root, 'deploy/docker/entrypoint.sh')]).status).toBe(0);
  });
});
