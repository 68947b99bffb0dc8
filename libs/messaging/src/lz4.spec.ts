import { compressFrame, compressFrameSync } from 'lz4-napi';
import { lz4DecompressFrame } from './lz4';

// Deterministic inputs of every kind the codec meets: JSON text (ar/en), long runs, incompressible bytes.
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
const rnd = lcg(7);
const text = Buffer.from(
  Array.from({ length: 3000 }, (_, i) =>
    JSON.stringify({
      id: `a${i}`,
      body: i % 2 ? 'The Kremlin said on Tuesday '.repeat(1 + (i % 7)) : 'قال الكرملين الثلاثاء '.repeat(1 + (i % 5)),
    }),
  ).join('\n'),
);
const noise = Buffer.from(Array.from({ length: 300_000 }, () => Math.floor(rnd() * 256)));
const runs = Buffer.concat([Buffer.alloc(100_000, 'a'), Buffer.from('abcabcabcabcabx'.repeat(5000)), Buffer.alloc(7, 0)]);
const inputs: [string, Buffer][] = [
  ['empty', Buffer.alloc(0)],
  ['one byte', Buffer.from('x')],
  ['JSON text, several 64 KB blocks', text],
  ['incompressible bytes (stored blocks)', noise],
  ['long runs (overlapping matches)', runs],
  ['mixed', Buffer.concat([text.subarray(0, 70_000), noise.subarray(0, 70_000), runs.subarray(0, 70_000)])],
];

// A frame by hand: magic, FLG (version 01 + flags), BD (64 KB blocks), optional content size, HC.
const frame = (flg: number, blocks: Buffer[], extra: Buffer[] = []) =>
  Buffer.concat([Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x40 | flg, 0x40]), ...extra, Buffer.from([0]), ...blocks, Buffer.alloc(4)]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/**
 * The same frame marked as linked blocks (FLG bit 5 cleared): its independent blocks read the same,
 * but through the TypeScript block decoder instead of lz4-napi's (only independent blocks go there).
 */
const asLinked = (f: Buffer) => {
  const linked = Buffer.from(f);
  linked[4] &= ~0x20;
  return linked;
};

describe('lz4DecompressFrame', () => {
  it.each(inputs)('reads what lz4-napi writes: %s', async (_name, input) => {
    expect(lz4DecompressFrame(await compressFrame(input)).equals(input)).toBe(true);
    expect(lz4DecompressFrame(compressFrameSync(input)).equals(input)).toBe(true);
    const checked = await compressFrame(input, { blockChecksums: true, contentChecksum: true });
    expect(lz4DecompressFrame(checked).equals(input)).toBe(true);
    expect(lz4DecompressFrame(asLinked(checked)).equals(input)).toBe(true);
  });

  it('reads concatenated frames, skippable frames, stored blocks and a declared content size', async () => {
    const a = await compressFrame(text.subarray(0, 5000));
    const skippable = Buffer.concat([Buffer.from([0x5a, 0x2a, 0x4d, 0x18]), u32(3), Buffer.from('xyz')]);
    const stored = frame(0x20, [u32(0x80000005), Buffer.from('hello')]);
    const sized = frame(0x28, [u32(0x80000003), Buffer.from('abc')], [Buffer.from([3, 0, 0, 0, 0, 0, 0, 0])]);
    expect(lz4DecompressFrame(Buffer.concat([a, skippable, stored, sized])).toString()).toBe(
      text.subarray(0, 5000).toString() + 'helloabc',
    );
  });

  it('decodes an overlapping match by hand (offset 1 repeats the last byte)', () => {
    // token: 1 literal, match length 4 + 6; literal "z"; offset 1 → "z" × 11; then last literals "!"
    const block = Buffer.from([0x16, 0x7a, 0x01, 0x00, 0x10, 0x21]);
    for (const flg of [0x20, 0x00])
      expect(lz4DecompressFrame(frame(flg, [u32(block.length), block])).toString()).toBe('z'.repeat(11) + '!');
  });

  it('throws on malformed frames instead of reading or writing out of bounds', async () => {
    const good = await compressFrame(text.subarray(0, 20_000));
    expect(() => lz4DecompressFrame(Buffer.from('not lz4 at all'))).toThrow(/^lz4: malformed frame \(bad magic number/);
    expect(() => lz4DecompressFrame(good.subarray(0, good.length - 10))).toThrow(/^lz4: malformed frame/);
    const badOffset = Buffer.from([0x10, 0x61, 0x05, 0x00, 0x00]); // match 5 bytes back after 1 byte
    expect(() => lz4DecompressFrame(frame(0x00, [u32(badOffset.length), badOffset]))).toThrow(/match offset out of bounds/);
    expect(() => lz4DecompressFrame(frame(0x20, [u32(badOffset.length), badOffset]))).toThrow(/^lz4: malformed frame \(bad block: /);
    // a block that expands beyond the block maximum (64 KB): 1 literal, then a match of 15 + 255 × 300 bytes
    const bomb = Buffer.concat([Buffer.from([0x1f, 0x61, 0x01, 0x00]), Buffer.alloc(300, 255), Buffer.from([0, 0x00])]);
    for (const flg of [0x20, 0x00]) expect(() => lz4DecompressFrame(frame(flg, [u32(bomb.length), bomb]))).toThrow(/^lz4: malformed frame/);
    // a content size of 2^40 bytes is not allocated up front: the frame decodes (or fails) as its blocks say
    const huge = frame(0x28, [u32(0x80000003), Buffer.from('abc')], [Buffer.from([0, 0, 0, 0, 0, 1, 0, 0])]);
    expect(lz4DecompressFrame(huge).toString()).toBe('abc');
    const version = Buffer.from(good);
    version[4] = 0x80 | (version[4] & 0x3f);
    expect(() => lz4DecompressFrame(version)).toThrow(/unsupported version/);
    // random corruption of the compressed bytes: an error or some output, never a crash or a hang
    for (let i = 0; i < 400; i++) {
      const bad = i % 2 ? Buffer.from(good) : asLinked(good);
      bad[11 + Math.floor(rnd() * (bad.length - 11))] ^= 1 + Math.floor(rnd() * 255);
      try {
        lz4DecompressFrame(bad);
      } catch (e) {
        expect((e as Error).message).toMatch(/^lz4: malformed frame/);
      }
    }
  });
});
