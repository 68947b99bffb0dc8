import type { OnApplicationShutdown } from '@nestjs/common';

/**
 * Nest glue for libs/messaging. The library itself is transport-neutral; apps own the wiring.
 * `closeOnShutdown` registers anything with stop()/disconnect() to be closed by Nest's shutdown hooks.
 */
export const KAFKA = Symbol('KAFKA');
export const PUBLISHER = Symbol('PUBLISHER');

export interface Closeable {
  stop?(): Promise<void>;
  disconnect?(): Promise<void>;
  close?(): Promise<void>;
}

export class ShutdownCloser implements OnApplicationShutdown {
  constructor(private readonly items: Closeable[]) {}
  async onApplicationShutdown(): Promise<void> {
    for (const it of this.items) {
      await (it.stop?.() ?? it.disconnect?.() ?? it.close?.())?.catch?.(() => undefined);
    }
  }
}
