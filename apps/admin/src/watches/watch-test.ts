import { randomBytes } from 'node:crypto';
import { NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { JITTERED_BACKOFF, buildTestPayload, sendJobId, type SendJobData } from '@marsad/alerts';
import { errorFields, fulfilledWithin } from '@marsad/observability';
import { bounded, type AlertsBackend } from '../alerts/alerts-backend';

export const TEST_ALERT_ATTEMPTS = 3;

/**
 * POST /v1/watches/:id/test: a test alert about a synthetic article, sent through every channel of
 * the watch by the alerter's own send jobs (`send-webhook` / `send-email`, job id
 * `<alertId>-c<n>`), so it is signed, guarded, retried and logged exactly like a real one. Marked
 * as a test: `test: true` in the body, `X-Marsad-Test: true`, kind `test` in marsad-alerts. Works on
 * a disabled watch too (checking a receiver before enabling it). The alert id is random: every
 * call is a new test.
 */
export async function sendTestAlert(
  backend: AlertsBackend,
  watchId: string,
): Promise<{
  alertId: string;
  test: true;
  watch: { id: string; name: string };
  jobs: { jobId: string; name: string; channelIndex: number }[];
}> {
  const ctx = backend.ctx;
  if (!ctx.watches.caughtUp) {
    if (!(await fulfilledWithin(ctx.watches.ready(), 5000)))
      throw new ServiceUnavailableException({
        error: 'unavailable',
        message: 'the watches view is still loading from Kafka; retry shortly',
      });
  }
  const watch = ctx.watches.get(watchId);
  if (!watch) throw new NotFoundException({ error: 'not_found', message: `no watch with id "${watchId}"` });
  const alertId = randomBytes(16).toString('hex');
  const payload = buildTestPayload(watch, alertId);
  const jobs = watch.channels.map((ch, i) => ({
    name: ch.type === 'webhook' ? ('send-webhook' as const) : ('send-email' as const),
    data: { alertId, watchId: watch.id, channelIndex: i, payload, test: true } satisfies SendJobData,
    opts: {
      jobId: sendJobId(alertId, i),
      attempts: TEST_ALERT_ATTEMPTS,
      backoff: { type: JITTERED_BACKOFF, delay: 1000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 14 * 24 * 3600 },
    },
  }));
  try {
    await bounded(backend.queue().addBulk(jobs), 'Redis (BullMQ)');
  } catch (err) {
    ctx.logger.warn('test alert: cannot enqueue', { watchId, ...errorFields(err) });
    throw new ServiceUnavailableException({ error: 'unavailable', message: `cannot enqueue the test alert: ${(err as Error).message}` });
  }
  ctx.logger.info('test alert enqueued', { watchId, alertId, channels: jobs.length });
  return {
    alertId,
    test: true,
    watch: { id: watch.id, name: watch.name },
    jobs: jobs.map((j) => ({ jobId: j.opts.jobId, name: j.name, channelIndex: j.data.channelIndex })),
  };
}
