// A string's UTF-16 code units in a Uint16Array, for the per-character loops of the text passes (fold,
// tokenize, sentences, quotes, sketch, search normalisation). Reading `charCodeAt.call(s, i)` in optimised
// code dispatches on the string's representation (sequential, cons, sliced, thin; one or two bytes) at every
// character; a typed-array read is one load. Buffer#write copies the units natively ('utf16le' keeps lone
// surrogates as they are), so one copy per pass costs less than the dispatch it saves (ADR 0022, sixth
// session: a table-driven word-hash loop over the bench bodies 9–10 ns per character with charCodeAt, 2.4 ns
// with the copy included).
//
// Each loop owns its own CodeUnits (a module-level instance per function): the array is overwritten by the
// next `of` call on the same instance, so an instance is never shared by two loops that can be live at once.

const charCodeAt = String.prototype.charCodeAt;
const NATIVE =
  typeof Buffer === 'function' && typeof Buffer.allocUnsafeSlow === 'function' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Below this length the units are copied by a plain loop (the native call's fixed cost is higher). */
const NATIVE_MIN = 64;
/** Longer strings get an array of their own (not kept), so an instance holds at most 128 KB. */
const KEEP_MAX = 1 << 16;

export class CodeUnits {
  private u: Uint16Array<ArrayBufferLike> = new Uint16Array(0);
  private b: Buffer | undefined;

  /** The code units of `s` in the returned array's [0, s.length) (longer arrays hold stale units past it). */
  of(s: string): Uint16Array<ArrayBufferLike> {
    const n = s.length;
    let u = this.u;
    let b = this.b;
    if (u.length < n) {
      const cap = n > KEEP_MAX ? n : Math.min(KEEP_MAX, Math.max(n, 2 * u.length, 1024));
      if (NATIVE) {
        b = Buffer.allocUnsafeSlow(2 * cap);
        u = new Uint16Array(b.buffer, b.byteOffset, cap);
      } else u = new Uint16Array(cap);
      if (n <= KEEP_MAX) {
        this.u = u;
        this.b = b;
      }
    }
    if (NATIVE && n >= NATIVE_MIN) b!.write(s, 0, 2 * n, 'utf16le');
    else for (let i = 0; i < n; i++) u[i] = charCodeAt.call(s, i);
    return u;
  }
}
