/**
 * Topic, index and queue names. Every name can carry the `MARSAD_NAMESPACE` prefix so that
 * parallel test runs (and tenants sharing a cluster) never collide.
 */
export const TOPIC = {
  articlesRaw: 'marsad.articles.raw',
  articlesEnriched: 'marsad.articles.enriched',
  articlesDlq: 'marsad.articles.dlq',
  watches: 'marsad.watches',
  kb: 'marsad.kb',
  /** Operator commands to the consumers (skip an unreadable range) and their wedge reports. */
  control: 'marsad.control',
} as const;
export type TopicKey = keyof typeof TOPIC;

/** Topics that are log-compacted: the latest value per key is the state. */
export const COMPACTED_TOPICS: readonly TopicKey[] = ['watches', 'kb', 'control'];

export const INDEX = {
  /** Read alias over the monthly `marsad-articles-YYYY.MM` indices. */
  articlesAlias: 'marsad-articles',
  articlesPrefix: 'marsad-articles-',
  alerts: 'marsad-alerts',
} as const;

export const QUEUE = { alerts: 'alerts' } as const;

/** Applies the namespace prefix: `ns` + `.` for topics, `ns` + `-` for indices (ES forbids `.` leading). */
export function namespaced(namespace: string | undefined, name: string, sep: '.' | '-' = '.'): string {
  return namespace ? `${namespace}${sep}${name}` : name;
}

export interface Names {
  topic(key: TopicKey): string;
  articlesAlias: string;
  articlesIndex(month: string): string;
  articlesIndexPattern: string;
  articlesTemplate: string;
  alertsIndex: string;
  queuePrefix: string;
  consumerGroup(service: string): string;
}

/** All names for one namespace, derived once from config. */
export function names(namespace?: string): Names {
  const ns = namespace?.trim() || undefined;
  const idx = (n: string) => namespaced(ns?.toLowerCase(), n, '-');
  return {
    topic: (key) => namespaced(ns, TOPIC[key], '.'),
    articlesAlias: idx(INDEX.articlesAlias),
    articlesIndex: (month) => idx(`${INDEX.articlesPrefix}${month}`),
    articlesIndexPattern: idx(`${INDEX.articlesPrefix}*`),
    articlesTemplate: idx('marsad-articles-template'),
    alertsIndex: idx(INDEX.alerts),
    queuePrefix: ns ? `marsad-${ns}` : 'marsad',
    consumerGroup: (service) => namespaced(ns, `marsad.${service}`, '.'),
  };
}
