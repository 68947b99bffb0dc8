import { alertStatus, parseAlertQuery, toAlertView } from './alerts';

const doc = (over: Record<string, unknown>) => ({
  alertId: 'a1',
  jobId: 'a1-c0',
  watchId: 'w1',
  watchName: 'W',
  kind: 'alert',
  channel: 'webhook',
  channelIndex: 0,
  attempt: 1,
  maxAttempts: 3,
  attemptedAt: '2026-11-30T10:00:00.000Z',
  ...over,
});

describe('GET /v1/alerts query', () => {
  it('defaults and accepts watch, status, from/to, page, size', () => {
    expect(parseAlertQuery({})).toEqual({ page: 1, size: 50 });
    expect(
      parseAlertQuery({ watch: 'w1', status: 'failed', from: '2026-11-30T00:00:00Z', to: '2026-12-01', page: '2', size: '10' }),
    ).toEqual({
      watchId: 'w1',
      status: 'failed',
      from: '2026-11-30T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      page: 2,
      size: 10,
    });
  });
  it('names the bad field', () => {
    expect(() => parseAlertQuery({ status: 'dead' })).toThrow(
      expect.objectContaining({ response: expect.objectContaining({ field: 'status' }) }),
    );
    expect(() => parseAlertQuery({ from: 'yesterday' })).toThrow(
      expect.objectContaining({ response: expect.objectContaining({ field: 'from' }) }),
    );
    expect(() => parseAlertQuery({ size: '500' })).toThrow(
      expect.objectContaining({ response: expect.objectContaining({ field: 'size' }) }),
    );
    expect(() => parseAlertQuery({ from: '2026-12-02', to: '2026-12-01' })).toThrow(
      expect.objectContaining({ response: expect.objectContaining({ field: 'from' }) }),
    );
  });
  const fieldsOf = (q: Record<string, unknown>) => {
    try {
      parseAlertQuery(q);
      return [];
    } catch (err) {
      return (err as { response: { errors: { field: string }[] } }).response.errors.map((e) => e.field);
    }
  };
  it('refuses pages past the store window, dates the store cannot parse, repeated and unknown parameters', () => {
    expect(fieldsOf({ page: '51', size: '200' })).toEqual(['page', 'size']);
    expect(fieldsOf({ page: '50', size: '200' })).toEqual([]);
    expect(fieldsOf({ from: '-271821-04-20T00:00:00Z' })).toEqual(['from']);
    expect(fieldsOf({ to: '+275760-09-13T00:00:00.000Z' })).toEqual(['to']);
    expect(fieldsOf({ from: '1' })).toEqual(['from']);
    expect(fieldsOf({ status: ['failed', 'delivered'] })).toEqual(['status']);
    expect(fieldsOf({ page: '1e3' })).toEqual(['page']);
    expect(fieldsOf({ nope: 'x' })).toEqual(['nope']);
  });
});

describe('latest state of an alert', () => {
  it('failed after the last attempt; delivered after a manual retry', () => {
    const failed = [
      doc({ status: 'retrying' }),
      doc({ attempt: 2, status: 'retrying', attemptedAt: '2026-11-30T10:00:01.000Z' }),
      doc({ attempt: 3, status: 'failed', attemptedAt: '2026-11-30T10:00:02.000Z' }),
    ];
    expect(toAlertView(failed)).toMatchObject({ status: 'failed', attempts: 3, jobs: [{ jobId: 'a1-c0', status: 'failed', attempt: 3 }] });
    const retried = [
      ...failed,
      doc({ attempt: 1, retryRound: 1, status: 'delivered', httpStatus: 200, attemptedAt: '2026-11-30T11:00:00.000Z' }),
    ];
    expect(toAlertView(retried)).toMatchObject({ status: 'delivered', attempts: 4, jobs: [{ status: 'delivered', retryRound: 1 }] });
  });
  it('the worst channel wins; without sends, the decision', () => {
    expect(
      alertStatus([
        { jobId: 'a-c0', channel: 'webhook', status: 'delivered', attempt: 1, maxAttempts: 3, attemptedAt: 't' },
        { jobId: 'a-c1', channel: 'email', status: 'failed', attempt: 3, maxAttempts: 3, attemptedAt: 't' },
      ]),
    ).toBe('failed');
    expect(toAlertView([doc({ jobId: 'a1', channel: 'none', status: 'folded', digestId: 'd1' })])).toMatchObject({
      status: 'folded',
      digestId: 'd1',
      attempts: 0,
    });
  });
});
