// npm run bench:codecs — chooses MARSAD_KAFKA_COMPRESSION by measurement: compresses and
// decompresses batches of enriched articles (the enricher's output for BENCH_N recombined ~3 KB
// articles, JSON as on the wire) with each codec as kafkajs calls it, and prints the size ratio
// and CPU ms per MB each way. Batches of 100 messages, like the enricher's produce chunks.
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { registerKafkaCodecs } from '@marsad/messaging';
import { Enricher } from '@marsad/nlp';
import { loadKnowledgeBase } from '@marsad/kb';
import { benchArticles } from './articles';

async function main(): Promise<void> {
  registerKafkaCodecs();
  const enricher = new Enricher(loadKnowledgeBase());
  const docs = benchArticles(Number(process.env.BENCH_N ?? 1000)).map((a, i) =>
    JSON.stringify({ ...enricher.enrich({ ...a, id: `b${i}` } as never), body: a.body }),
  );
  const batches: Buffer[] = [];
  for (let i = 0; i < docs.length; i += 100) batches.push(Buffer.from(docs.slice(i, i + 100).join('\n')));
  const totalMb = batches.reduce((s, b) => s + b.length, 0) / 1e6;
  console.log(
    `bench:codecs — ${docs.length} enriched articles in ${batches.length} batches, ${totalMb.toFixed(1)} MB; node ${process.version}`,
  );
  const reg = CompressionCodecs as unknown as Record<
    number,
    () => { compress(e: { buffer: Buffer }): Promise<Buffer>; decompress(b: Buffer): Promise<Buffer> }
  >;
  for (const [name, type] of [
    ['gzip', CompressionTypes.GZIP],
    ['snappy', CompressionTypes.Snappy],
    ['lz4', CompressionTypes.LZ4],
    ['zstd', CompressionTypes.ZSTD],
  ] as const) {
    const codec = reg[type]();
    await codec.compress({ buffer: batches[0] }); // warm-up (zstd-wasm init)
    let out = 0;
    const c0 = process.cpuUsage();
    const packed: Buffer[] = [];
    for (const b of batches) packed.push(await codec.compress({ buffer: b }));
    const c1 = process.cpuUsage(c0);
    for (const p of packed) out += p.length;
    const d0 = process.cpuUsage();
    for (const p of packed) await codec.decompress(p);
    const d1 = process.cpuUsage(d0);
    const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    console.log(
      `${name.padEnd(7)} ratio ${(out / (totalMb * 1e6)).toFixed(3)}  compress ${(ms(c1) / totalMb).toFixed(1)} CPU-ms/MB  decompress ${(ms(d1) / totalMb).toFixed(1)} CPU-ms/MB`,
    );
  }
}
void main();
