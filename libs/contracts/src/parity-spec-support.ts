// What the contract-check parity specs share (raw-check-parity, enriched-check-parity): setting or
// deleting a field at a path of a sample article. Not a spec itself (jest runs *.spec.ts only).

export type Path = (string | number)[];
/** The value that deletes the field instead of setting it. */
export const DELETE = Symbol('delete');

/** Sets (or deletes, with DELETE) the field at `path` of `o`; objects are copied, so a value set at two places never makes a cycle or a shared object. */
export function setAt(o: unknown, path: Path, v: unknown): void {
  let cur = o as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (v === DELETE) delete cur[last];
  else if (typeof v !== 'object' || v === null) cur[last] = v;
  else cur[last] = Object.getPrototypeOf(v) === null ? Object.create(null) : structuredClone(v);
}
