// kafkajs-snappy ships no type declarations: a factory returning kafkajs' codec interface.
declare module 'kafkajs-snappy' {
  const codec: () => { compress(encoder: { buffer: Buffer }): Promise<Buffer>; decompress(buffer: Buffer): Promise<Buffer> };
  export = codec;
}
