import { names } from '@marsad/contracts';
import { isTransientKafkaError } from '@marsad/messaging';
import { parseSkip } from './skip';

const n = names('ns1');
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as { getResponse(): { field: string } }).getResponse().field;
  }
  return undefined;
};

describe('skip request', () => {
  it('accepts service names or group ids, contract keys or topic names', () => {
    const want = { groupId: 'ns1.marsad.enricher', topic: 'ns1.marsad.articles.raw', partition: 2, offset: '17' };
    expect(parseSkip(n, 'enricher', 'articlesRaw', '2', { offset: '17' })).toEqual(want);
    expect(parseSkip(n, 'ns1.marsad.enricher', 'marsad.articles.raw', '2', { offset: 17 })).toEqual(want);
    expect(parseSkip(n, 'enricher', 'ns1.marsad.articles.raw', '2', { offset: '17', reason: ' bad batch ' })).toEqual({
      ...want,
      reason: 'bad batch',
    });
  });

  it('names the field that is wrong', () => {
    expect(fieldOf(() => parseSkip(n, 'nobody', 'articlesRaw', '0', { offset: '1' }))).toBe('group');
    expect(fieldOf(() => parseSkip(n, 'indexer', 'nope', '0', { offset: '1' }))).toBe('topic');
    expect(fieldOf(() => parseSkip(n, 'indexer', 'articlesEnriched', '-1', { offset: '1' }))).toBe('partition');
    expect(fieldOf(() => parseSkip(n, 'indexer', 'articlesEnriched', '0', { offset: 'x' }))).toBe('offset');
    expect(fieldOf(() => parseSkip(n, 'indexer', 'articlesEnriched', '0', {}))).toBe('offset');
    expect(fieldOf(() => parseSkip(n, 'indexer', 'articlesEnriched', '0', { offset: '1', extra: 1 }))).toBe('(root)');
  });

  it('tells broker/network errors (never a wedge) from data errors', () => {
    expect(isTransientKafkaError(Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' }))).toBe(true);
    expect(
      isTransientKafkaError(
        Object.assign(new Error('x'), { name: 'KafkaJSNumberOfRetriesExceeded', cause: { name: 'KafkaJSRequestTimeoutError' } }),
      ),
    ).toBe(true);
    expect(isTransientKafkaError(Object.assign(new Error('snappy'), { name: 'KafkaJSNotImplemented' }))).toBe(false);
    expect(isTransientKafkaError(new RangeError('out of bounds'))).toBe(false);
  });
});
