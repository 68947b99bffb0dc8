/**
 * The `marsad-alerts` delivery-log mapping, mirrored from apps/alerter/src/alert-log.ts (which does
 * not export its MAPPING). One document per delivery attempt; time field `attemptedAt`.
 * test/unit/packaging.spec.ts re-reads alert-log.ts and fails when the two disagree, so the Kibana
 * objects are always checked against what the alerter really writes.
 */
export const ALERTS_MAPPINGS = {
  dynamic: 'strict',
  properties: {
    alertId: { type: 'keyword' },
    jobId: { type: 'keyword' },
    watchId: { type: 'keyword' },
    watchName: { type: 'keyword' },
    kind: { type: 'keyword' },
    articleId: { type: 'keyword' },
    articleIds: { type: 'keyword' },
    count: { type: 'integer' },
    articleUrl: { type: 'keyword' },
    articleTitle: { type: 'text' },
    channel: { type: 'keyword' },
    channelIndex: { type: 'integer' },
    status: { type: 'keyword' },
    reason: { type: 'keyword' },
    attempt: { type: 'integer' },
    maxAttempts: { type: 'integer' },
    httpStatus: { type: 'integer' },
    error: { type: 'text' },
    durationMs: { type: 'long' },
    latencyMs: { type: 'long' },
    articleTime: { type: 'date' },
    attemptedAt: { type: 'date' },
  },
} as const;

/** Where the original lives (for the sync test and error messages). */
export const ALERTS_MAPPING_SOURCE = 'apps/alerter/src/alert-log.ts';
