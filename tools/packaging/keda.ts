// KEDA checks of the rendered Kubernetes objects (issue 10): each Kafka consumer (enricher,
// indexer, alerter) scales on consumer lag with a KEDA ScaledObject instead of a CPU HPA. Schema:
// KEDA's CRD schema (@kubernetes-models/keda); semantics: the target Deployment exists, a Kafka
// trigger names the service's own consumer group and topic (libs/contracts), the broker list comes
// from the container's KAFKA_BROKERS, maxReplicaCount <= partitions, no hand-written HPA competes
// with the one KEDA creates.

import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TOPIC } from '../../libs/contracts/src/topics';
import type { K8sObject } from './kustomize';

type Json = any;

/** Partitions per topic created by the bootstrap (libs/messaging topicSpecs default). */
const PARTITIONS = 3;

/** What each consumer reads, as in libs/contracts (names without MARSAD_NAMESPACE). */
export const KAFKA_CONSUMERS: Record<string, { group: string; topic: string }> = {
  enricher: { group: 'marsad.enricher', topic: TOPIC.articlesRaw },
  indexer: { group: 'marsad.indexer', topic: TOPIC.articlesEnriched },
  alerter: { group: 'marsad.alerter', topic: TOPIC.articlesEnriched },
};

/** Metadata keys of KEDA's Kafka scaler (keda.sh/docs/2.x/scalers/apache-kafka) that we allow. */
const KAFKA_METADATA = new Set([
  'bootstrapServers',
  'bootstrapServersFromEnv',
  'consumerGroup',
  'topic',
  'lagThreshold',
  'activationLagThreshold',
  'offsetResetPolicy',
  'allowIdleConsumers',
  'scaleToZeroOnInvalidOffset',
  'excludePersistentLag',
  'limitToPartitionsWithLag',
]);

/** KEDA's schema (its CRD's OpenAPI), for validate.ts's MODELS: `<apiVersion>/<kind>` → model. */
export const KEDA_MODELS = { 'keda.sh/v1alpha1/ScaledObject': ScaledObject };

export const isScaledObject = (o: K8sObject) => o?.apiVersion === 'keda.sh/v1alpha1' && o?.kind === 'ScaledObject';

/** KEDA's schema for one ScaledObject (empty = valid). */
export function scaledObjectSchemaErrors(o: K8sObject): string[] {
  try {
    new ScaledObject(o as never).validate();
    return [];
  } catch (err) {
    return [`ScaledObject/${o?.metadata?.name}: ${(err as Error).message}`];
  }
}

function envOfTarget(target: Json): Set<string> {
  const c = target?.spec?.template?.spec?.containers?.[0] ?? {};
  return new Set<string>([
    ...(c.env ?? []).map((e: Json) => e.name),
    // envFrom ConfigMaps are resolved by KEDA too; the ConfigMap's keys are checked elsewhere
    ...((c.envFrom ?? []).length ? ['KAFKA_BROKERS'] : []),
  ]);
}

/**
 * Semantic errors of the ScaledObjects among `objects` (their schema is checked through
 * KEDA_MODELS by k8sSchemaErrors), and the consumers that lack one. Called from validate.ts's
 * k8sSemanticErrors.
 */
export function kedaErrors(objects: K8sObject[]): string[] {
  const errors: string[] = [];
  const scaled = objects.filter(isScaledObject) as Json[];
  const hpas = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler') as Json[];
  for (const so of scaled) {
    const id = `ScaledObject/${so.metadata?.name}`;
    const ref = so.spec?.scaleTargetRef ?? {};
    const target = objects.find(
      (o) => o.kind === (ref.kind ?? 'Deployment') && o.metadata.name === ref.name && o.metadata.namespace === so.metadata.namespace,
    ) as Json;
    if (!target) {
      errors.push(`${id}: scaleTargetRef ${ref.kind ?? 'Deployment'}/${ref.name} does not exist`);
      continue;
    }
    const min = so.spec?.minReplicaCount ?? 0;
    const max = so.spec?.maxReplicaCount ?? 100;
    if (min > max) errors.push(`${id}: minReplicaCount ${min} > maxReplicaCount ${max}`);
    const svc = (target.spec?.template?.spec?.containers?.[0]?.env ?? []).find((e: Json) => e.name === 'MARSAD_SERVICE')?.value;
    const consumer = KAFKA_CONSUMERS[svc];
    if (!consumer) continue;
    if (max > PARTITIONS)
      errors.push(`${id}: maxReplicaCount ${max} exceeds the ${PARTITIONS} partitions per topic (extra consumers idle)`);
    const kafka = (so.spec?.triggers ?? []).filter((t: Json) => t.type === 'kafka');
    if (!kafka.length) errors.push(`${id}: no kafka trigger (scale ${svc} on the lag of ${consumer.group})`);
    for (const t of kafka) {
      const m = t.metadata ?? {};
      for (const k of Object.keys(m)) if (!KAFKA_METADATA.has(k)) errors.push(`${id}: unknown kafka trigger metadata "${k}"`);
      if (m.consumerGroup !== consumer.group)
        errors.push(`${id}: consumerGroup is "${m.consumerGroup}", ${svc} consumes as "${consumer.group}"`);
      if (m.topic !== consumer.topic) errors.push(`${id}: topic is "${m.topic}", ${svc} reads "${consumer.topic}"`);
      if (!m.bootstrapServers && !m.bootstrapServersFromEnv)
        errors.push(`${id}: kafka trigger needs bootstrapServers or bootstrapServersFromEnv`);
      if (m.bootstrapServersFromEnv && !envOfTarget(target).has(m.bootstrapServersFromEnv))
        errors.push(`${id}: bootstrapServersFromEnv ${m.bootstrapServersFromEnv} is not in ${ref.name}'s environment`);
      if (!/^[1-9]\d*$/.test(String(m.lagThreshold ?? ''))) errors.push(`${id}: lagThreshold must be a positive integer string`);
    }
    for (const h of hpas)
      if (h.spec?.scaleTargetRef?.name === ref.name && h.metadata.namespace === so.metadata.namespace)
        errors.push(`HorizontalPodAutoscaler/${h.metadata.name}: ${ref.name} is scaled by ${id} (KEDA owns its HPA)`);
  }
  for (const svc of Object.keys(KAFKA_CONSUMERS)) {
    const name = `marsad-${svc}`;
    if (
      objects.some((o) => o.kind === 'Deployment' && o.metadata.name === name) &&
      !scaled.some((s) => s.spec?.scaleTargetRef?.name === name)
    )
      errors.push(`no KEDA ScaledObject for ${name} (Kafka consumers scale on consumer lag)`);
  }
  return errors;
}
