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
import { ARTICLES_MAPPINGS } from '../../libs/search/src/template';
import { ALERTS_MAPPINGS } from '../../libs/search/src/alerts-index';
import type { CheckReport } from './common';
import { parseDotenv, validateCompose } from './compose';
import { renderAndValidateOverlay } from './k8s';
import { validateSavedObjects } from './kibana';
import { validateExamples } from './examples';
import { monitoringCheck } from './prometheus';

export * from './common';
export * from './compose';
export * from './k8s';
export * from './kibana';
export * from './examples';

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
  reports.push(monitoringCheck(root));
  return reports;
}

/** True when the repository has the packaging files (lets callers skip politely elsewhere). */
export const hasPackaging = (root: string) => existsSync(join(root, 'docker-compose.yml')) && existsSync(join(root, 'k8s'));
