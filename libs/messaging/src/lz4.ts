/**
 * LZ4 *frame* reader (the format Kafka's lz4 batches use since message format v1):
 * https://github.com/lz4/lz4/blob/dev/doc/lz4_Frame_format.md and lz4_Block_format.md. The frame is
 * walked here; independent blocks (what lz4-napi, the Java client and librdkafka write) are decoded by
 * lz4-napi's block decoder on the calling thread, linked blocks by the TypeScript decodeBlock below.
 *
 * Why not lz4-napi's decompressFrame (ADR 0021): it decodes on libuv's thread pool into Rust
 * vectors grown by doubling, memory V8 neither counts nor collects with any urgency; a consumer
 * reading MiB-sized lz4 fetches kept ~100 MB more RSS than the same data uncompressed (and
 * decompressFrameSync leaks its output). Here the output is one V8-accounted Buffer per frame; the
 * native block decoder's output is one block (≤ 64 KB in Kafka's frames) at a time, copied into it.
 *
 * Checksums (header, block, content) are skipped, not verified: Kafka's record batch has its own
 * CRC32-C over the compressed bytes, checked by the broker; a malformed frame still throws (never
 * reads or writes out of bounds), which the consumer runner treats as an unreadable batch.
 */
import { uncompressSync } from 'lz4-napi';

const MAGIC = 0x184d2204;
const BLOCK_MAX = [0, 0, 0, 0, 64 << 10, 256 << 10, 1 << 20, 4 << 20];

function fail(what: string): never {
  throw new Error(`lz4: malformed frame (${what})`);
}

/** Decodes one or more concatenated LZ4 frames (skippable frames ignored) into one Buffer. */
export function lz4DecompressFrame(src: Buffer): Buffer {
  let out = Buffer.allocUnsafe(Math.max(64 << 10, src.length * 4));
  let op = 0;
  const ensure = (n: number) => {
    if (op + n <= out.length) return;
    let size = out.length * 2;
    while (size < op + n) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    out.copy(bigger, 0, 0, op);
    out = bigger;
  };
  let ip = 0;
  while (ip < src.length) {
    if (ip + 4 > src.length) fail('truncated magic number');
    const magic = src.readUInt32LE(ip);
    ip += 4;
    if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) {
      if (ip + 4 > src.length) fail('truncated skippable frame');
      ip += 4 + src.readUInt32LE(ip);
      continue;
    }
    if (magic !== MAGIC) fail(`bad magic number 0x${magic.toString(16)}`);
    if (ip + 2 > src.length) fail('truncated frame descriptor');
    const flg = src[ip];
    const bd = src[ip + 1];
    ip += 2;
    if (flg >> 6 !== 1) fail(`unsupported version ${flg >> 6}`);
    const independent = (flg & 0x20) !== 0;
    const blockChecksum = (flg & 0x10) !== 0;
    const contentSize = (flg & 0x08) !== 0;
    const contentChecksum = (flg & 0x04) !== 0;
    const dictId = (flg & 0x01) !== 0;
    const blockMax = BLOCK_MAX[(bd >> 4) & 7];
    if (!blockMax) fail(`bad block maximum size ${(bd >> 4) & 7}`);
    if (contentSize) {
      if (ip + 8 > src.length) fail('truncated content size');
      const size = Number(src.readBigUInt64LE(ip));
      // a hint only, and never trusted beyond what the input can expand to (LZ4 at most ~255:1)
      if (size <= (src.length - ip) * 255 + 65536) ensure(size);
      ip += 8;
    }
    if (dictId) fail('dictionaries are not supported');
    ip += 1; // header checksum
    // Matches may reach back into earlier blocks (linked blocks): they are all decoded into `out`.
    const frameStart = op;
    for (;;) {
      if (ip + 4 > src.length) fail('truncated block size');
      const word = src.readUInt32LE(ip);
      ip += 4;
      if (word === 0) break; // end mark
      const size = word & 0x7fffffff;
      if (size > blockMax || ip + size > src.length) fail('block larger than announced or truncated');
      if (word & 0x80000000) {
        ensure(size);
        src.copy(out, op, ip, ip + size);
        op += size;
      } else if (independent) {
        const block = nativeBlock(src, ip, size, blockMax);
        ensure(block.length);
        block.copy(out, op);
        op += block.length;
      } else {
        ensure(blockMax);
        op = decodeBlock(src, ip, ip + size, out, op, frameStart);
      }
      ip += size + (blockChecksum ? 4 : 0);
    }
    if (contentChecksum) ip += 4;
    if (ip > src.length) fail('truncated checksum');
  }
  // Record values are slices of this Buffer: do not keep more than a quarter unused alive with them.
  if (out.length - op > out.length / 4) {
    const exact = Buffer.allocUnsafe(op);
    out.copy(exact, 0, 0, op);
    return exact;
  }
  return out.subarray(0, op);
}

let scratch = Buffer.allocUnsafe(0);

/**
 * An independent block (no match reaches into an earlier one: what lz4-napi, the Java client and
 * librdkafka write) by lz4-napi's block decoder — lz4_flex with its safe, bounds-checked decoding,
 * on the calling thread, output ≤ the block maximum (64 KB in Kafka's frames) freed with its
 * Buffer — ~3× faster than decodeBlock (ADR 0021, seventh session). Its input is the block behind
 * a 4-byte size, the largest output allowed: the block maximum.
 */
function nativeBlock(src: Buffer, ip: number, size: number, blockMax: number): Buffer {
  if (scratch.length < size + 4) scratch = Buffer.allocUnsafe(Math.max(size + 4, 64 << 10) + 4);
  scratch.writeUInt32LE(blockMax, 0);
  src.copy(scratch, 4, ip, ip + size);
  try {
    return uncompressSync(scratch.subarray(0, size + 4));
  } catch (err) {
    return fail(`bad block: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** One LZ4 block src[ip, end) → out at op (room for the block's maximum size ensured); the new op. */
function decodeBlock(src: Buffer, ip: number, end: number, out: Buffer, op: number, floor: number): number {
  const limit = out.length;
  for (;;) {
    if (ip >= end) fail('block ends inside a sequence');
    const token = src[ip++];
    let lit = token >>> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (ip >= end) fail('truncated literal length');
        b = src[ip++];
        lit += b;
      } while (b === 255);
    }
    if (ip + lit > end || op + lit > limit) fail('literals out of bounds');
    if (lit < 32) for (let k = 0; k < lit; k++) out[op++] = src[ip++];
    else {
      src.copy(out, op, ip, ip + lit);
      op += lit;
      ip += lit;
    }
    if (ip === end) return op; // the last sequence has literals only
    if (ip + 2 > end) fail('truncated match offset');
    const offset = src[ip] | (src[ip + 1] << 8);
    ip += 2;
    if (offset === 0 || op - offset < floor) fail('match offset out of bounds');
    let len = token & 15;
    if (len === 15) {
      let b: number;
      do {
        if (ip >= end) fail('truncated match length');
        b = src[ip++];
        len += b;
      } while (b === 255);
    }
    len += 4;
    if (op + len > limit) fail('match out of bounds');
    let from = op - offset;
    if (offset >= len && len >= 32) {
      out.copyWithin(op, from, from + len);
      op += len;
    } else for (let k = 0; k < len; k++) out[op++] = out[from++]; // overlapping copy repeats the pattern
  }
}
