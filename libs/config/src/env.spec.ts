import { ConfigError, loadAdminConfig, loadEnricherConfig, mergeEnv } from './index';

describe('typed env config', () => {
  it('applies the documented defaults', () => {
    const cfg = loadEnricherConfig({});
    expect(cfg.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(cfg.ELASTICSEARCH_URL).toBe('http://127.0.0.1:9200');
    expect(cfg.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(cfg.PORT).toBe(8081);
    expect(cfg.MARSAD_MAX_BODY_BYTES).toBe(1024 * 1024);
    expect(cfg.MARSAD_NAMESPACE).toBeUndefined();
  });

  it.each([
    ['KAFKA_BROKERS', 'not a broker list'],
    ['ELASTICSEARCH_URL', 'ftp://x'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['PORT', 'eighty'],
    ['MARSAD_MAX_BODY_BYTES', '12'],
    ['MARSAD_NAMESPACE', 'Bad Namespace!'],
    ['LOG_LEVEL', 'loud'],
  ])('a malformed %s stops start-up with an error naming it', (name, value) => {
    expect(() => loadEnricherConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadEnricherConfig({ [name]: value })).toThrow(new RegExp(`^invalid environment variable ${name}: `));
  });

  it('admin refuses to start without keys, and parses role:key split at the first colon', () => {
    expect(() => loadAdminConfig({})).toThrow(/MARSAD_ADMIN_KEYS: is required/);
    expect(() => loadAdminConfig({ MARSAD_ADMIN_KEYS: 'root:abcdefghij' })).toThrow(/MARSAD_ADMIN_KEYS/);
    expect(() => loadAdminConfig({ MARSAD_ADMIN_KEYS: 'admin:short' })).toThrow(/8\+ characters/);
    const cfg = loadAdminConfig({ MARSAD_ADMIN_KEYS: 'viewer:read-only-key, admin:with:colons:inside' });
    expect(cfg.MARSAD_ADMIN_KEYS).toEqual([
      { role: 'viewer', key: 'read-only-key' },
      { role: 'admin', key: 'with:colons:inside' },
    ]);
  });

  it('MARSAD_WEBHOOK_ALLOW_CIDRS: CIDRs checked at start; the removed MARSAD_WEBHOOK_ALLOW_PRIVATE stops start-up naming its successor', () => {
    const keys = { MARSAD_ADMIN_KEYS: 'admin:abcdefghijkl' };
    expect(loadAdminConfig(keys).MARSAD_WEBHOOK_ALLOW_CIDRS).toEqual([]);
    expect(loadAdminConfig({ ...keys, MARSAD_WEBHOOK_ALLOW_CIDRS: '127.0.0.0/8, ::1/128' }).MARSAD_WEBHOOK_ALLOW_CIDRS).toEqual([
      '127.0.0.0/8',
      '::1/128',
    ]);
    expect(() => loadAdminConfig({ ...keys, MARSAD_WEBHOOK_ALLOW_CIDRS: '10.0.0.0/33' })).toThrow(
      /MARSAD_WEBHOOK_ALLOW_CIDRS: "10.0.0.0\/33"/,
    );
    for (const v of ['true', 'false'])
      expect(() => loadEnricherConfig({ MARSAD_WEBHOOK_ALLOW_PRIVATE: v })).toThrow(
        /^invalid environment variable MARSAD_WEBHOOK_ALLOW_PRIVATE: was removed: use MARSAD_WEBHOOK_ALLOW_CIDRS/,
      );
  });

  it('mergeEnv overlays overrides on process.env; undefined deletes', () => {
    process.env.MARSAD_TEST_MERGE = 'x';
    const merged = mergeEnv({ MARSAD_TEST_MERGE: undefined, OTHER: 'y' });
    expect(merged.MARSAD_TEST_MERGE).toBeUndefined();
    expect(merged.OTHER).toBe('y');
    delete process.env.MARSAD_TEST_MERGE;
  });
});
