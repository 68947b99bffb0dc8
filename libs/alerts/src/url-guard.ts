import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import { classifyIp, describeVerdicts, inCidr, parseCidr, parseIp, type Cidr } from './special-addresses';

/**
 * Webhook target safety (SSRF guard). A watch's webhook URL is operator input that the alerter
 * will POST to from inside the cluster, so it must not reach a special-purpose address (the
 * table in special-addresses.ts) unless MARSAD_WEBHOOK_ALLOW_CIDRS allows its range, and never a
 * link-local or cloud-metadata one. The check covers the URL text AND every address the host name resolves to; the
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

/** Why `address` (an IP literal) is not a public unicast address, or undefined when it is. */
export function classifyAddress(address: string): string | undefined {
  const ip = parseIp(address);
  if (!ip) return 'not an IP address';
  return describeVerdicts(classifyIp(ip));
}

export function isPrivateAddress(address: string): boolean {
  return classifyAddress(address) !== undefined;
}

/** MARSAD_WEBHOOK_ALLOW_CIDRS text → CIDRs (comma or space separated); throws naming the bad entry. */
export function parseAllowCidrs(text: string | undefined): Cidr[] {
  return (text ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(parseCidr);
}

export interface UrlGuardOptions {
  /**
   * Special-purpose ranges webhooks may reach anyway (MARSAD_WEBHOOK_ALLOW_CIDRS), e.g. a private
   * network where the receivers sit. Link-local and cloud-metadata addresses stay refused.
   */
  allowCidrs?: Array<Cidr | string>;
  lookup?: LookupAllFn;
}

/** `UrlGuard.refusal` remembers at most this many verdicts (then starts again). */
const MAX_VERDICTS = 4096;

export class UrlGuard {
  private readonly lookupAll: LookupAllFn;
  readonly allowCidrs: readonly Cidr[];
  /** address → why refused, or null when allowed. */
  private readonly verdicts = new Map<string, string | null>();

  constructor(opts: UrlGuardOptions = {}) {
    this.lookupAll = opts.lookup ?? defaultLookupAll;
    this.allowCidrs = (opts.allowCidrs ?? []).map((c) => (typeof c === 'string' ? parseCidr(c) : c));
  }

  /**
   * Why this address is refused, or undefined. Every special address in it (itself and each IPv4
   * address it embeds) must be inside an allowed CIDR; an always-refused one never is.
   */
  refusal(address: string): string | undefined {
    // A pure function of the address (the allowed CIDRs are fixed): remembered, since the alerter
    // asks for every delivery and classifying was ~6% of a webhook POST's CPU (ADR 0020, sixth session).
    const known = this.verdicts.get(address);
    if (known !== undefined) return known ?? undefined;
    const why = this.classify(address);
    if (this.verdicts.size >= MAX_VERDICTS) this.verdicts.clear();
    this.verdicts.set(address, why ?? null);
    return why;
  }

  private classify(address: string): string | undefined {
    const ip = parseIp(address);
    if (!ip) return 'not an IP address';
    const verdicts = classifyIp(ip);
    const always = verdicts.find((v) => v.always);
    if (always) return `${describeVerdicts([always])} (refused always, whatever MARSAD_WEBHOOK_ALLOW_CIDRS says)`;
    const blocked = verdicts.filter((v) => v.label && !this.allowCidrs.some((c) => inCidr(v.ip, c)));
    if (!blocked.length) return undefined;
    return `${describeVerdicts(blocked)}; add its range to MARSAD_WEBHOOK_ALLOW_CIDRS to allow it`;
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
    if (isIP(host)) {
      const why = this.refusal(host);
      if (why) throw new UnsafeUrlError(url, `points at a ${why} (${host})`);
      return;
    }
    const lower = host.toLowerCase().replace(/\.$/, '');
    if (lower === 'localhost' || lower.endsWith('.localhost')) {
      // RFC 6761: always loopback, whatever DNS says.
      for (const a of ['127.0.0.1', '::1']) {
        const why = this.refusal(a);
        if (why) throw new UnsafeUrlError(url, `points at a ${why} (${host} is ${a})`);
      }
      return;
    }
    await this.checkResolved(host, url);
  }

  /** Resolves `host` and rejects when any answer is a refused address (or nothing resolves). */
  async checkResolved(host: string, url = host): Promise<LookupAddress[]> {
    let addresses: LookupAddress[];
    try {
      addresses = await this.lookupAll(host);
    } catch (err) {
      throw new UnsafeUrlError(url, `host ${host} does not resolve (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!addresses.length) throw new UnsafeUrlError(url, `host ${host} resolves to no address`);
    for (const a of addresses) {
      const why = this.refusal(a.address);
      if (why) throw new UnsafeUrlError(url, `host ${host} resolves to a ${why} (${a.address})`);
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
