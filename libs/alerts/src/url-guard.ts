import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';

/**
 * Webhook target safety (SSRF guard). A watch's webhook URL is operator input that the alerter
 * will POST to from inside the cluster, so by default it must not reach private, loopback,
 * link-local (cloud metadata 169.254.169.254), unique-local, CGNAT or other special-purpose
 * addresses. The check covers the URL text AND every address the host name resolves to; the
 * alerter repeats it at delivery time through `safeLookup`, so a DNS answer that changes after the
 * watch was accepted (rebinding) is caught where the connection is made.
 */
export type LookupAddress = { address: string; family: number };
export type LookupAllFn = (hostname: string) => Promise<LookupAddress[]>;

export const defaultLookupAll: LookupAllFn = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses as LookupAddress[])));
  });

export class UnsafeUrlError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'UnsafeUrlError';
  }
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, p) => (acc << 8) + Number(p), 0) >>> 0;
}

const V4_BLOCKED: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified/"this network"'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved/broadcast'],
];

function classifyV4(ip: string): string | undefined {
  const n = ipv4ToInt(ip);
  for (const [base, bits, label] of V4_BLOCKED) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === (ipv4ToInt(base) & mask) >>> 0) return label;
  }
  return undefined;
}

/** Expands an IPv6 literal (with optional embedded IPv4 tail and zone) into 8 16-bit groups. */
function ipv6Groups(ip: string): number[] | undefined {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const maybeV4 = s.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    if (isIP(maybeV4) !== 4) return undefined;
    const n = ipv4ToInt(maybeV4);
    tail = [n >>> 16, n & 0xffff];
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) => (h ? h.split(':').map((g) => parseInt(g, 16)) : []);
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const fill = 8 - head.length - rest.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return undefined;
  const groups = [...head, ...new Array(halves.length === 2 ? fill : 0).fill(0), ...rest];
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff)) return undefined;
  if (tail.length) {
    groups[6] = tail[0];
    groups[7] = tail[1];
  }
  return groups;
}

function v4FromGroups(a: number, b: number): string {
  return [a >> 8, a & 0xff, b >> 8, b & 0xff].join('.');
}

function classifyV6(ip: string): string | undefined {
  const g = ipv6Groups(ip);
  if (!g) return 'unparseable IPv6 address';
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d — judge the embedded IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return classifyV4(v4FromGroups(g[6], g[7]));
  // NAT64 64:ff9b::/96 embeds an IPv4 address too.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(v4FromGroups(g[6], g[7]));
  // 6to4 2002::/16 embeds the IPv4 address in groups 1-2.
  if (g[0] === 0x2002) return classifyV4(v4FromGroups(g[1], g[2]));
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local (deprecated)';
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'discard-only';
  return undefined;
}

/** Why `address` (an IP literal) is not a public unicast address, or undefined when it is. */
export function classifyAddress(address: string): string | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const v = isIP(bare.split('%')[0]);
  if (v === 4) return classifyV4(bare);
  if (v === 6) return classifyV6(bare);
  return 'not an IP address';
}

export function isPrivateAddress(address: string): boolean {
  return classifyAddress(address) !== undefined;
}

export interface UrlGuardOptions {
  allowPrivate: boolean;
  lookup?: LookupAllFn;
}

export class UrlGuard {
  private readonly lookupAll: LookupAllFn;

  constructor(private readonly opts: UrlGuardOptions) {
    this.lookupAll = opts.lookup ?? defaultLookupAll;
  }

  get allowPrivate(): boolean {
    return this.opts.allowPrivate;
  }

  /** Throws UnsafeUrlError unless `url` is http(s) and every address it points at is allowed. */
  async check(url: string): Promise<void> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new UnsafeUrlError(url, 'is not an absolute URL');
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UnsafeUrlError(url, 'must use http or https');
    if (u.username || u.password) throw new UnsafeUrlError(url, 'must not carry credentials in the URL');
    const host = u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname;
    if (!host) throw new UnsafeUrlError(url, 'has no host');
    if (this.opts.allowPrivate) return;
    if (isIP(host)) {
      const why = classifyAddress(host);
      if (why) throw new UnsafeUrlError(url, `points at a ${why} address (${host}); set MARSAD_WEBHOOK_ALLOW_PRIVATE=true to allow it`);
      return;
    }
    const lower = host.toLowerCase().replace(/\.$/, '');
    if (lower === 'localhost' || lower.endsWith('.localhost')) {
      throw new UnsafeUrlError(url, `points at loopback (${host}); set MARSAD_WEBHOOK_ALLOW_PRIVATE=true to allow it`);
    }
    await this.checkResolved(host, url);
  }

  /** Resolves `host` and rejects when any answer is a blocked address (or nothing resolves). */
  async checkResolved(host: string, url = host): Promise<LookupAddress[]> {
    let addresses: LookupAddress[];
    try {
      addresses = await this.lookupAll(host);
    } catch (err) {
      throw new UnsafeUrlError(url, `host ${host} does not resolve (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!addresses.length) throw new UnsafeUrlError(url, `host ${host} resolves to no address`);
    if (this.opts.allowPrivate) return addresses;
    for (const a of addresses) {
      const why = classifyAddress(a.address);
      if (why)
        throw new UnsafeUrlError(
          url,
          `host ${host} resolves to a ${why} address (${a.address}); set MARSAD_WEBHOOK_ALLOW_PRIVATE=true to allow it`,
        );
    }
    return addresses;
  }

  /**
   * A `lookup` for http.request/https.request: the connection is made only to an address that
   * passed the check at connect time, so DNS rebinding between check and delivery cannot slip
   * through.
   */
  safeLookup(): (
    hostname: string,
    options: unknown,
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => void {
    return (hostname, options, callback) => {
      const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all === true;
      this.checkResolved(hostname)
        .then((addrs) => (all ? callback(null, addrs) : callback(null, addrs[0].address, addrs[0].family)))
        .catch((err: Error) => callback(err, all ? [] : '', 0));
    };
  }
}
