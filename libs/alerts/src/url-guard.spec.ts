import { UnsafeUrlError, UrlGuard, classifyAddress, isPrivateAddress, type LookupAllFn } from './url-guard';

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
  const guard = new UrlGuard({ allowPrivate: false, lookup });

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

  it('allows private targets when allowPrivate is set', async () => {
    const open = new UrlGuard({ allowPrivate: true, lookup });
    await expect(open.check('http://127.0.0.1:9999/hook')).resolves.toBeUndefined();
    await expect(open.check('https://meta.example.com/')).resolves.toBeUndefined();
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
