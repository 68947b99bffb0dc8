/**
 * Mapping of the `marsad-alerts` delivery log (namespaced by names().alertsIndex): one document
 * per delivery attempt, written by the alerter, read by the admin API (GET /v1/alerts) and by
 * Kibana (time field `attemptedAt`). One definition, so the Kibana saved objects are validated
 * against exactly what the alerter writes.
 */
export const ALERTS_MAPPINGS = {
  dynamic: 'strict' as const,
  properties: {
    alertId: { type: 'keyword' },
    jobId: { type: 'keyword' },
    watchId: { type: 'keyword' },
    watchName: { type: 'keyword' },
    kind: { type: 'keyword' },
    articleId: { type: 'keyword' },
    articleIds: { type: 'keyword' },
    count: { type: 'integer' },
    articleUrl: { type: 'keyword', ignore_above: 2048 },
    articleTitle: { type: 'text' },
    channel: { type: 'keyword' },
    channelIndex: { type: 'integer' },
    status: { type: 'keyword' },
    reason: { type: 'keyword' },
    attempt: { type: 'integer' },
    digestId: { type: 'keyword' },
    retryRound: { type: 'integer' },
    maxAttempts: { type: 'integer' },
    httpStatus: { type: 'integer' },
    error: { type: 'text' },
    durationMs: { type: 'long' },
    latencyMs: { type: 'long' },
    articleTime: { type: 'date' },
    attemptedAt: { type: 'date' },
  },
};
