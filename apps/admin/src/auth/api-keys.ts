import { createHash, timingSafeEqual } from 'node:crypto';
import { ROLES, type ApiKey, type Role } from '@marsad/config';

/** viewer < operator < admin. */
export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** `Authorization: Bearer <token>` → token, or undefined when absent/other scheme/empty. */
export function parseBearer(header: string | string[] | undefined): string | undefined {
  const h = Array.isArray(header) ? header[0] : header;
  if (!h) return undefined;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(h);
  return m ? m[1] : undefined;
}

export interface Principal {
  role: Role;
  /** Short fingerprint of the key (first 8 hex of its SHA-256), safe for logs. Never the key. */
  keyId: string;
}

/**
 * Checks presented API keys against MARSAD_ADMIN_KEYS in constant time: both sides are reduced to
 * SHA-256 digests (equal length whatever the key length, so timingSafeEqual applies and the key
 * length does not leak), and every configured key is compared, with no early exit on a match.
 * Keys are kept only as digests after construction.
 */
export class ApiKeyVerifier {
  private readonly entries: { role: Role; digest: Buffer; keyId: string }[];

  constructor(
    keys: readonly ApiKey[],
    private readonly equal: (a: Buffer, b: Buffer) => boolean = timingSafeEqual,
  ) {
    if (!keys.length) throw new Error('ApiKeyVerifier needs at least one key');
    this.entries = keys.map((k) => {
      const d = digest(k.key);
      return { role: k.role, digest: d, keyId: d.subarray(0, 4).toString('hex') };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** The principal for `token` (the highest role when a key is listed twice), or undefined. */
  verify(token: string | undefined): Principal | undefined {
    const presented = digest(token ?? '');
    let found: Principal | undefined;
    for (const e of this.entries) {
      const eq = this.equal(presented, e.digest);
      if (eq && token !== undefined && (!found || roleAtLeast(e.role, found.role))) found = { role: e.role, keyId: e.keyId };
    }
    return found;
  }
}
