import { UnsafeUrlError, UrlGuard, classifyAddress, isPrivateAddress, parseAllowCidrs, type LookupAllFn } from './url-guard';
import { SPECIAL_RANGES, embeddedV4, formatIp, parseCidr, parseIp } from './special-addresses';

const fakeLookup =
  (table: Record<string, string[]>): LookupAllFn =>
  async (host) => {
    const l = table[host];
    if (!l) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return l.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('address classification', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:0a00:0001::1',
    'ff02::1',
    'fe80::1%eth0',
  ])('%s is blocked', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '93.184.216.34',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '2001:4860:4860::8888',
  ])('%s is public', (ip) => expect(classifyAddress(ip)).toBeUndefined());
});

describe('UrlGuard', () => {
  const lookup = fakeLookup({
    'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'rebind.example.com': ['93.184.216.34', '10.0.0.5'],
    'meta.example.com': ['169.254.169.254'],
    'v6local.example.com': ['fd00::1'],
  });
  const guard = new UrlGuard({ lookup });

  it('accepts a public host whose every address is public', async () => {
    await expect(guard.check('https://hooks.example.com/marsad')).resolves.toBeUndefined();
  });

  it('refuses literal private, loopback, link-local, unique-local and CGNAT targets', async () => {
    for (const u of [
      'http://127.0.0.1:8080/x',
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.1.1/',
      'http://[fd00::1]/',
      'http://localhost:3000/',
      'http://api.localhost/',
    ]) {
      await expect(guard.check(u)).rejects.toBeInstanceOf(UnsafeUrlError);
    }
  });

  it('checks the RESOLVED addresses, not only the URL text', async () => {
    await expect(guard.check('https://meta.example.com/')).rejects.toThrow(/link-local.*169\.254\.169\.254/);
    await expect(guard.check('https://rebind.example.com/')).rejects.toThrow(/private.*10\.0\.0\.5/);
    await expect(guard.check('https://v6local.example.com/')).rejects.toThrow(/unique-local/);
  });

  it('refuses unresolvable hosts, non-http schemes and credentials in the URL', async () => {
    await expect(guard.check('https://nx.example.com/')).rejects.toThrow(/does not resolve/);
    await expect(guard.check('ftp://hooks.example.com/')).rejects.toThrow(/http or https/);
    await expect(guard.check('https://u:p@hooks.example.com/')).rejects.toThrow(/credentials/);
    await expect(guard.check('not a url')).rejects.toThrow(/absolute URL/);
  });

  it('allows special ranges listed in allowCidrs, and nothing else', async () => {
    const open = new UrlGuard({ allowCidrs: parseAllowCidrs('127.0.0.0/8,::1/128'), lookup });
    await expect(open.check('http://127.0.0.1:9999/hook')).resolves.toBeUndefined();
    await expect(open.check('http://[::1]:9999/hook')).resolves.toBeUndefined();
    await expect(open.check('http://localhost:9999/hook')).resolves.toBeUndefined();
    await expect(open.check('http://[::ffff:127.0.0.1]:9999/hook')).resolves.toBeUndefined();
    await expect(open.check('http://10.0.0.1/')).rejects.toThrow(/private.*MARSAD_WEBHOOK_ALLOW_CIDRS/);
    await expect(open.check('https://rebind.example.com/')).rejects.toThrow(/10\.0\.0\.5/);
    // 6to4 wrapping of an allowed loopback address is still 6to4 (not allowed).
    await expect(open.check('http://[2002:7f00:1::1]/')).rejects.toThrow(/6to4/);
  });

  it('a remembered verdict is the same verdict, asked again, per guard (its own allow-list)', async () => {
    const open = new UrlGuard({ allowCidrs: ['127.0.0.0/8'], lookup });
    const strict = new UrlGuard({ lookup });
    for (let i = 0; i < 3; i++) {
      expect(open.refusal('127.0.0.1')).toBeUndefined();
      expect(strict.refusal('127.0.0.1')).toMatch(/loopback/);
      expect(open.refusal('10.0.0.1')).toMatch(/private/);
      expect(open.refusal('169.254.169.254')).toMatch(/refused always/);
      await expect(strict.check('http://127.0.0.1:9999/hook')).rejects.toThrow(/loopback/);
      await expect(open.check('http://127.0.0.1:9999/hook')).resolves.toBeUndefined();
    }
  });

  it('refuses link-local and cloud-metadata addresses ALWAYS, whatever the allow-list says', async () => {
    const all = new UrlGuard({ allowCidrs: ['0.0.0.0/0', '::/0'], lookup });
    for (const u of [
      'http://169.254.169.254/latest/meta-data',
      'http://169.254.170.2/v2/credentials',
      'http://100.100.100.200/latest/meta-data',
      'http://192.0.0.192/',
      'http://[fe80::1]/',
      'http://[fd00:ec2::254]/latest/meta-data',
      'http://[fd20:ce::254]/',
      'http://[::ffff:169.254.169.254]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://[64:ff9b:1::a9fe:a9fe]/',
      'http://[2002:a9fe:a9fe::1]/',
      'https://meta.example.com/',
    ]) {
      await expect(all.check(u)).rejects.toThrow(/refused always/);
    }
    // Everything else is allowed by 0.0.0.0/0 and ::/0.
    await expect(all.check('http://10.0.0.1/')).resolves.toBeUndefined();
    await expect(all.check('http://[fd00::1]/')).resolves.toBeUndefined();
  });

  it('parseAllowCidrs names a bad entry', () => {
    expect(() => parseAllowCidrs('10.0.0.0/8,bogus')).toThrow(/"bogus"/);
    expect(() => parseAllowCidrs('10.0.0.1/8')).toThrow(/host bits/);
    expect(parseAllowCidrs(' 10.0.0.0/8 , ::1 ').map((c) => c.text)).toEqual(['10.0.0.0/8', '::1']);
  });

  it('safeLookup refuses at connect time (DNS rebinding after the check)', async () => {
    const fn = guard.safeLookup();
    const res = await new Promise<{ err: Error | null; addr: unknown }>((resolve) =>
      fn('rebind.example.com', {}, (err, addr) => resolve({ err, addr })),
    );
    expect(res.err).toBeInstanceOf(UnsafeUrlError);
    const ok = await new Promise<{ err: Error | null; addr: unknown }>((resolve) =>
      fn('hooks.example.com', { all: true }, (err, addr) => resolve({ err, addr })),
    );
    expect(ok.err).toBeNull();
    expect(ok.addr).toHaveLength(2);
  });
});

/** One test per range of the table: its first address, an inner one and its last are refused. */
describe('special-purpose table (libs/alerts/src/special-addresses.ts)', () => {
  const guard = new UrlGuard();
  it.each(SPECIAL_RANGES.map((r) => [r.cidr, r.label, r]))('%s (%s) is refused', (_cidr, _label, r) => {
    const c = parseCidr(r.cidr);
    const width = c.family === 4 ? 32 : 128;
    const last = c.base | ((1n << BigInt(width - c.bits)) - 1n);
    const mid = c.base | ((last - c.base) >> 1n);
    for (const value of [c.base, mid, last]) {
      const ip = formatIp({ family: c.family, value });
      // Transparent forms (IPv4-mapped, SIIT, NAT64 /96) are judged by the IPv4 address they carry.
      const why = r.transparent ? (embeddedV4(parseIp(ip)!).length ? classifyAddress(ip) : 'x') : classifyAddress(ip);
      if (r.transparent && value === c.base) {
        expect(classifyAddress(ip)).toMatch(/"this network"/);
        continue;
      }
      if (!r.transparent) expect(why).toBeDefined();
      const refusal = guard.refusal(ip);
      if (!r.transparent || why) expect(refusal).toBeDefined();
      if (r.always) expect(new UrlGuard({ allowCidrs: ['0.0.0.0/0', '::/0'] }).refusal(ip)).toMatch(/refused always/);
    }
  });

  it('transparent forms carry their IPv4 verdict', () => {
    expect(classifyAddress('::ffff:8.8.8.8')).toBeUndefined();
    expect(classifyAddress('64:ff9b::8.8.8.8')).toBeUndefined();
    expect(classifyAddress('::ffff:0:8.8.8.8')).toBeUndefined();
    expect(classifyAddress('::ffff:0:10.0.0.1')).toMatch(/private.*10\.0\.0\.1 embedded/);
    expect(classifyAddress('64:ff9b::127.0.0.1')).toMatch(/loopback/);
  });

  it.each([
    ['64:ff9b:1::a9fe:a9fe', /link-local.*169\.254\.169\.254 embedded/],
    ['64:ff9b:1:a9fe:a9:fe00::', /link-local.*169\.254\.169\.254 embedded/], // RFC 6052 /48 layout
    ['2001:0:4136:e378:8000:63bf:5601:5601', /link-local.*169\.254\.169\.254 embedded/], // Teredo client (inverted)
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', /Teredo/],
    ['2001::ffff:ffff:5601:5601', /link-local.*169\.254\.169\.254 embedded/],
    ['2002:a9fe:a9fe::1', /link-local.*169\.254\.169\.254 embedded/],
    ['::a9fe:a9fe', /link-local/],
    ['3fff::1', /documentation/],
    ['5f00::1', /SRv6/],
    ['2001:2::1', /benchmarking/],
    ['2001:10::1', /ORCHID/],
    ['2001:20::1', /ORCHIDv2/],
    ['1::1', /reserved \(outside global unicast/],
    ['4000::1', /reserved \(outside global unicast/],
    ['100::1', /discard-only/],
    ['fec0::1', /site-local/],
  ])('%s is refused (%s)', (ip, why) => {
    expect(classifyAddress(ip)).toMatch(why);
  });
});
