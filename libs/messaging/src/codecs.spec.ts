import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { gzipSync } from 'node:zlib';
import { compressionType, registerKafkaCodecs } from './codecs';

type Codec = { compress(e: { buffer: Buffer }): Promise<Buffer>; decompress(b: Buffer): Promise<Buffer> };
const registry = CompressionCodecs as unknown as Record<number, (() => Codec) | undefined>;
const payload = Buffer.from(JSON.stringify({ body: 'قال الكرملين إن الحظر الأمريكي على كاسبرسكي '.repeat(200), n: 1 }));

describe('Kafka codecs', () => {
  afterEach(() => registerKafkaCodecs());

  it.each([
    ['snappy', CompressionTypes.Snappy],
    ['lz4', CompressionTypes.LZ4],
    ['zstd', CompressionTypes.ZSTD],
  ])('%s round-trips a batch and really compresses it', async (_name, type) => {
    registerKafkaCodecs();
    const codec = registry[type]!();
    const packed = await codec.compress({ buffer: payload });
    expect(packed.length).toBeLessThan(payload.length / 4);
    expect((await codec.decompress(packed)).equals(payload)).toBe(true);
  });

  it('reads the xerial-framed snappy the Java client writes (SnappyOutputStream: header + sized chunks)', async () => {
    registerKafkaCodecs();
    const codec = registry[CompressionTypes.Snappy]!();
    const a = await codec.compress({ buffer: payload.subarray(0, 3000) });
    const b = await codec.compress({ buffer: payload.subarray(3000) });
    const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    const size = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
    const framed = Buffer.concat([header, size(a.length), a, size(b.length), b]);
    expect((await codec.decompress(framed)).equals(payload)).toBe(true);
  });

  it('unregisters a codec for tests, which makes its batches unreadable (and gzip stays built in)', () => {
    registerKafkaCodecs(['snappy']);
    // As kafkajs does for a codec it lacks: decoding throws (a missing entry would decode garbage).
    expect(() => (registry[CompressionTypes.Snappy] as () => unknown)()).toThrow(/^snappy compression not implemented/);
    expect(registry[CompressionTypes.LZ4]).toBeDefined();
    expect(registry[CompressionTypes.GZIP]).toBeDefined();
    expect(gzipSync(payload).length).toBeGreaterThan(0);
  });

  it('maps MARSAD_KAFKA_COMPRESSION names to kafkajs types', () => {
    expect(compressionType('none')).toBe(CompressionTypes.None);
    expect(compressionType('gzip')).toBe(CompressionTypes.GZIP);
    expect(compressionType('lz4')).toBe(CompressionTypes.LZ4);
    expect(compressionType('zstd')).toBe(CompressionTypes.ZSTD);
    expect(compressionType('snappy')).toBe(CompressionTypes.Snappy);
  });
});
