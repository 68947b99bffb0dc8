import { CompressionCodecs, CompressionTypes, KafkaJSNotImplemented } from 'kafkajs';
import { compressFrameSync } from 'lz4-napi';
import { decompress as zstdDecompress } from 'fzstd';
import snappyCodec = require('kafkajs-snappy');
import { lz4DecompressFrame } from './lz4';

/**
 * Kafka compression codecs for kafkajs, which ships only gzip. Scrapers publish with the Java
 * client or librdkafka, usually compressed; without these a single snappy/lz4/zstd batch makes
 * kafkajs throw while decoding the whole fetch response, and every partition behind it stalls
 * (docs/decisions/0008-kafka-codecs.md). All are pure JS/WASM or ship their binary inside the npm
 * package (no node-gyp, no download at install):
 * - snappy: kafkajs-snappy (snappyjs), which also reads the Java client's xerial framing;
 * - lz4:    LZ4 *frame* format as Kafka uses since message format v1: written by lz4-napi (lz4_flex,
 *           napi-rs binaries in per-platform npm packages), read by ./lz4.ts (frames walked in TS,
 *           blocks by lz4-napi's block decoder on the calling thread: lz4-napi's threaded frame
 *           decoder held ~100 MB of native memory in a consumer, ADR 0021);
 * - zstd:   fzstd (pure JS) to read — it accepts the streaming frames without a content size that
 *           zstd-jni and librdkafka write —, @bokuweb/zstd-wasm to write.
 */
export const KAFKA_COMPRESSION = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type KafkaCompression = (typeof KAFKA_COMPRESSION)[number];

/** kafkajs' codec interface: compress gets its Encoder (`.buffer`), decompress a Buffer. */
interface Codec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

let zstdWasm: Promise<{ compress(buf: Uint8Array, level?: number): Uint8Array }> | undefined;
async function zstdEncoder() {
  zstdWasm ??= import('@bokuweb/zstd-wasm').then(async (m) => {
    await m.init();
    return m;
  });
  return zstdWasm;
}

const lz4: Codec = {
  // On the calling thread: the async variant compresses on libuv's pool, whose threads keep the
  // freed buffers in their own malloc arenas (~45 MB more RSS in the enricher, ADR 0021). A 100-article
  // chunk (~2 MB) takes a few ms. (Not decompressFrameSync: it leaks its output, ./lz4.ts reads instead.)
  compress: async (encoder) => compressFrameSync(encoder.buffer),
  decompress: async (buffer) => lz4DecompressFrame(buffer),
};

const zstd: Codec = {
  compress: async (encoder) => Buffer.from((await zstdEncoder()).compress(encoder.buffer, 3)),
  decompress: async (buffer) => {
    const out = zstdDecompress(buffer);
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  },
};

const CODECS: Record<'snappy' | 'lz4' | 'zstd', { type: CompressionTypes; codec: () => Codec }> = {
  snappy: { type: CompressionTypes.Snappy, codec: snappyCodec as () => Codec },
  lz4: { type: CompressionTypes.LZ4, codec: () => lz4 },
  zstd: { type: CompressionTypes.ZSTD, codec: () => zstd },
};

/**
 * Registers every codec in kafkajs' process-wide registry (idempotent). `unregister` exists for
 * tests only (MARSAD_TEST_UNREGISTER_CODEC): it makes batches of that codec unreadable, the way
 * to create a wedged partition now that every real codec is readable.
 */
export function registerKafkaCodecs(unregister: readonly string[] = []): void {
  const registry = CompressionCodecs as unknown as Record<number, (() => Codec) | undefined>;
  for (const [name, { type, codec }] of Object.entries(CODECS)) {
    // Unregistered = what kafkajs itself does for a codec it lacks: throw while decoding (deleting
    // the entry would make kafkajs read the compressed bytes as plain records: garbage, no error).
    if (unregister.includes(name))
      registry[type] = () => {
        const NotImplemented = KafkaJSNotImplemented as unknown as new (message: string) => Error;
        throw new NotImplemented(`${name} compression not implemented (MARSAD_TEST_UNREGISTER_CODEC)`);
      };
    else registry[type] = codec;
  }
}

/** The kafkajs CompressionTypes value for a MARSAD_KAFKA_COMPRESSION name. */
export function compressionType(name: KafkaCompression): CompressionTypes {
  switch (name) {
    case 'gzip':
      return CompressionTypes.GZIP;
    case 'snappy':
      return CompressionTypes.Snappy;
    case 'lz4':
      return CompressionTypes.LZ4;
    case 'zstd':
      return CompressionTypes.ZSTD;
    default:
      return CompressionTypes.None;
  }
}
