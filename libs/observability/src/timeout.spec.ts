import { TimeoutError, fulfilledWithin, withTimeout } from './timeout';

describe('timeout helper', () => {
  it('passes a value or an error through when the promise settles in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('boom')), 1000, 'x')).rejects.toThrow('boom');
  });

  it('rejects with a TimeoutError naming what did not answer', async () => {
    const never = new Promise(() => undefined);
    const err = (await withTimeout(never, 20, 'Redis').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.message).toBe('Redis did not answer within 20 ms');
  });

  it('fulfilledWithin: true, false on timeout, and a rejection still propagates', async () => {
    await expect(fulfilledWithin(Promise.resolve(), 1000)).resolves.toBe(true);
    await expect(fulfilledWithin(new Promise(() => undefined), 20)).resolves.toBe(false);
    await expect(fulfilledWithin(Promise.reject(new Error('down')), 1000)).rejects.toThrow('down');
  });
});
