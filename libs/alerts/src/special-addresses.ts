import { isIP } from 'node:net';

/**
 * The one table of addresses a webhook must not reach by default: the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890 and later), the IPv6 space outside global unicast
 * 2000::/3, and the cloud-metadata addresses. IPv6 forms that carry an IPv4 address (IPv4-mapped
 * and -compatible, SIIT, NAT64, 6to4, Teredo) are decoded and the IPv4 address is judged too, so
 * `http://[64:ff9b:1::a9fe:a9fe]/` is the metadata service, not "some IPv6 host".
 *
 * `always: true` ranges (link-local, cloud metadata) are refused whatever MARSAD_WEBHOOK_ALLOW_CIDRS
 * says: no legitimate webhook receiver lives there, and reaching the instance's credential service
 * from the alerter is the attack this guard exists for.
 */
export interface SpecialRange {
  cidr: string;
  label: string;
  /** Refused whatever the allow-list says. */
  always?: boolean;
  /** A translation form: judged only by the IPv4 address it carries (::ffff:8.8.8.8 is 8.8.8.8). */
  transparent?: boolean;
}

/** One range a row: CIDR, label, and `always` or `transparent` where it applies (see SpecialRange). */
type Row = [cidr: string, label: string, flag?: 'always' | 'transparent'];

const ROWS: readonly Row[] = [
  // IPv4 — IANA IPv4 Special-Purpose Address Registry.
  ['0.0.0.0/8', '"this network"'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local (cloud metadata)', 'always'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation (TEST-NET-1)'],
  ['192.31.196.0/24', 'AS112'],
  ['192.52.193.0/24', 'AMT'],
  ['192.88.99.0/24', '6to4 relay anycast'],
  ['192.168.0.0/16', 'private'],
  ['192.175.48.0/24', 'AS112 direct delegation'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation (TEST-NET-2)'],
  ['203.0.113.0/24', 'documentation (TEST-NET-3)'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
  ['255.255.255.255/32', 'limited broadcast'],
  // Vendor metadata services outside 169.254.0.0/16.
  ['100.100.100.200/32', 'cloud metadata (Alibaba)', 'always'],
  ['192.0.0.192/32', 'cloud metadata (Oracle)', 'always'],
  // IPv6 — IANA IPv6 Special-Purpose Address Registry (embedded-IPv4 forms are decoded below).
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::ffff:0:0/96', 'IPv4-mapped', 'transparent'],
  ['::ffff:0:0:0/96', 'IPv4-translated (SIIT)', 'transparent'],
  ['::/96', 'IPv4-compatible (deprecated)'],
  ['64:ff9b::/96', 'NAT64 well-known prefix', 'transparent'],
  ['64:ff9b:1::/48', 'local-use NAT64'],
  ['100::/64', 'discard-only'],
  ['100:0:0:1::/64', 'dummy prefix'],
  ['2001::/23', 'IETF protocol assignments'],
  ['2001::/32', 'Teredo'],
  ['2001:2::/48', 'benchmarking'],
  ['2001:10::/28', 'ORCHID (deprecated)'],
  ['2001:20::/28', 'ORCHIDv2'],
  ['2001:db8::/32', 'documentation'],
  ['2002::/16', '6to4'],
  ['2620:4f:8000::/48', 'AS112 direct delegation'],
  ['3fff::/20', 'documentation'],
  ['5f00::/16', 'SRv6 SIDs'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local', 'always'],
  ['fec0::/10', 'site-local (deprecated)'],
  ['ff00::/8', 'multicast'],
  // IPv6 metadata services (AWS IMDS, Google Cloud), inside unique-local but refused always.
  ['fd00:ec2::254/128', 'cloud metadata (AWS)', 'always'],
  ['fd20:ce::254/128', 'cloud metadata (Google Cloud)', 'always'],
];

export const SPECIAL_RANGES: readonly SpecialRange[] = ROWS.map(([cidr, label, flag]) => ({
  cidr,
  label,
  ...(flag ? { [flag]: true } : {}),
}));

/** A parsed address: family and its bits as a bigint (32 or 128 bits). */
export interface Ip {
  family: 4 | 6;
  value: bigint;
}
export interface Cidr {
  family: 4 | 6;
  base: bigint;
  bits: number;
  text: string;
}

function parseV4(s: string): bigint | undefined {
  if (isIP(s) !== 4) return undefined;
  return s.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseV6(input: string): bigint | undefined {
  let s = input.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (isIP(s) !== 6) return undefined;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const maybeV4 = s.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    const n = parseV4(maybeV4);
    if (n === undefined) return undefined;
    tail = [Number(n >> 16n), Number(n & 0xffffn)];
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  const parse = (h: string) => (h ? h.split(':').map((g) => parseInt(g, 16)) : []);
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const groups = [...head, ...new Array(halves.length === 2 ? 8 - head.length - rest.length : 0).fill(0), ...rest];
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff)) return undefined;
  if (tail.length) [groups[6], groups[7]] = tail;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** An IP literal (IPv6 may be bracketed or carry a zone) → family and bits; undefined when not an IP. */
export function parseIp(text: string): Ip | undefined {
  const s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = parseV4(s);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseV6(s);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** `a.b.c.d/n`, `x::/n` or a bare address (a /32 or /128); throws naming the bad entry. */
export function parseCidr(text: string): Cidr {
  const t = text.trim();
  const slash = t.lastIndexOf('/');
  const ip = parseIp(slash >= 0 ? t.slice(0, slash) : t);
  if (!ip) throw new Error(`"${t}" is not an IP address or CIDR (e.g. 10.0.0.0/8, fd00::/8)`);
  const max = ip.family === 4 ? 32 : 128;
  const bitsText = slash >= 0 ? t.slice(slash + 1) : String(max);
  if (!/^\d{1,3}$/.test(bitsText) || Number(bitsText) > max) throw new Error(`"${t}": prefix length must be 0-${max}`);
  const bits = Number(bitsText);
  const mask = maskOf(ip.family, bits);
  if ((ip.value & mask) !== ip.value)
    throw new Error(`"${t}": host bits are set (did you mean ${formatIp({ ...ip, value: ip.value & mask })}/${bits}?)`);
  return { family: ip.family, base: ip.value, bits, text: t };
}

function maskOf(family: 4 | 6, bits: number): bigint {
  const width = family === 4 ? 32n : 128n;
  return bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << (width - BigInt(bits));
}

export function inCidr(ip: Ip, c: Cidr): boolean {
  return ip.family === c.family && (ip.value & maskOf(c.family, c.bits)) === c.base;
}

export function formatIp(ip: Ip): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join('.');
  const groups = [];
  for (let i = 7; i >= 0; i--) groups.push(((ip.value >> BigInt(i * 16)) & 0xffffn).toString(16));
  return groups.join(':');
}

const V4 = (v: bigint): Ip => ({ family: 4, value: v & 0xffffffffn });
const word = (ip: Ip, i: number) => (ip.value >> BigInt((7 - i) * 16)) & 0xffffn;
const TABLE = SPECIAL_RANGES.map((r) => ({ ...r, c: parseCidr(r.cidr) }));
const cidr = (t: string) => TABLE.find((r) => r.cidr === t)!.c;

/**
 * The IPv4 addresses an IPv6 address carries: IPv4-mapped/-compatible and SIIT (last 32 bits),
 * NAT64 (RFC 6052: the /96 well-known prefix, and every RFC 6052 prefix length inside the local-use
 * 64:ff9b:1::/48), 6to4 (bits 16-47) and Teredo (server in bits 32-63, client in the last 32 bits,
 * inverted).
 */
export function embeddedV4(ip: Ip): Ip[] {
  if (ip.family !== 6) return [];
  const v = ip.value;
  const out: Ip[] = [];
  if (
    inCidr(ip, cidr('::ffff:0:0/96')) ||
    inCidr(ip, cidr('::ffff:0:0:0/96')) ||
    (inCidr(ip, cidr('::/96')) && v > 1n) ||
    inCidr(ip, cidr('64:ff9b::/96'))
  )
    out.push(V4(v));
  if (inCidr(ip, cidr('64:ff9b:1::/48'))) {
    // RFC 6052 §2.2: the IPv4 bits follow the prefix (/48, /56, /64, /96; bits 64-71 are skipped).
    const bytes = [...Array(16)].map((_, i) => Number((v >> BigInt((15 - i) * 8)) & 0xffn));
    const pick = (idx: number[]) => V4(BigInt(idx.reduce((acc, i) => acc * 256 + bytes[i], 0)));
    out.push(pick([6, 7, 9, 10]), pick([7, 9, 10, 11]), pick([9, 10, 11, 12]), pick([12, 13, 14, 15]));
  }
  if (inCidr(ip, cidr('2002::/16'))) out.push(V4(v >> 80n));
  if (inCidr(ip, cidr('2001::/32'))) {
    out.push(V4((word(ip, 2) << 16n) | word(ip, 3)));
    out.push(V4(~v));
  }
  return out;
}

const GLOBAL_UNICAST_V6 = parseCidr('2000::/3');

export interface AddressVerdict {
  ip: Ip;
  /** Why the address is special (undefined: public unicast, or a transparent translation form). */
  label?: string;
  /** Refused whatever the allow-list says. */
  always: boolean;
  /** True for an IPv4 address decoded from an IPv6 form. */
  embedded: boolean;
}

function classifyOne(ip: Ip): { label?: string; always: boolean } {
  let best: (typeof TABLE)[number] | undefined;
  for (const r of TABLE) if (inCidr(ip, r.c) && (!best || r.always || (!best.always && r.c.bits > best.c.bits))) best = r;
  if (best) return best.transparent ? { always: false } : { label: best.label, always: !!best.always };
  if (ip.family === 6 && !inCidr(ip, GLOBAL_UNICAST_V6)) return { label: 'reserved (outside global unicast 2000::/3)', always: false };
  return { always: false };
}

/** The address itself and every IPv4 address embedded in it, each with its verdict. */
export function classifyIp(ip: Ip): AddressVerdict[] {
  return [ip, ...embeddedV4(ip)].map((a, i) => ({ ip: a, ...classifyOne(a), embedded: i > 0 }));
}

/** A one-line reason for the worst verdict (always-refused first), or undefined when all are public. */
export function describeVerdicts(vs: AddressVerdict[]): string | undefined {
  const worst = vs.find((v) => v.always) ?? vs.find((v) => v.label);
  if (!worst) return undefined;
  return worst.embedded ? `${worst.label} address ${formatIp(worst.ip)} embedded in it` : `${worst.label} address`;
}
