/**
 * The admin fuzz's generators: webhook targets unsafe by construction, fast-check arbitraries built
 * from the admin's OpenAPI document, mutations and deep nestings of JSON bodies.
 */
import * as fc from 'fast-check';
import { MAX_BODY, type Role, type Sent } from './types';

// ------------------------------------------------------------------ unsafe targets, by construction
const UNSAFE_V4 = [
  '169.254.169.254',
  '169.254.170.2',
  '100.100.100.200',
  '10.0.0.1',
  '172.16.5.4',
  '192.168.1.1',
  '100.64.0.1',
  '0.0.0.0',
  '192.0.0.192',
  '192.0.2.1',
  '198.18.0.1',
  '198.51.100.7',
  '203.0.113.9',
  '224.0.0.1',
  '240.0.0.1',
  '255.255.255.255',
];
const UNSAFE_V6 = [
  'fe80::1',
  'fd00:ec2::254',
  'fd20:ce::254',
  'fc00::1',
  'fec0::1',
  'ff02::1',
  '::',
  '2001:db8::1',
  '3fff::1',
  '5f00::1',
  '2001:2::1',
  '2001:10::1',
  '2001:20::1',
  '1::1',
  '100::1',
  '2001::1',
  '4000::1',
  '2620:4f:8000::1',
];
const hex4 = (ip: string) =>
  ip
    .split('.')
    .map(Number)
    .reduce<number[]>((g, o, i) => (i % 2 ? [...g.slice(0, -1), g[g.length - 1] * 256 + o] : [...g, o]), [])
    .map((n) => n.toString(16));
const v4int = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);

/** An unsafe IPv4 address written in one of the many forms a URL host accepts. */
const unsafeV4Form = fc.tuple(fc.constantFrom(...UNSAFE_V4), fc.nat(10)).map(([ip, k]) => {
  const [a, b] = hex4(ip);
  const inv = hex4(ip).map((g) => (0xffff ^ parseInt(g, 16)).toString(16));
  const forms = [
    ip,
    `[::ffff:${ip}]`,
    `[::ffff:${a}:${b}]`,
    `[64:ff9b::${a}:${b}]`,
    `[64:ff9b:1::${a}:${b}]`,
    `[2002:${a}:${b}::1]`,
    `[2001:0:4136:e378:8000:63bf:${inv[0]}:${inv[1]}]`,
    `[::ffff:0:${ip}]`,
    String(v4int(ip)),
    `0x${v4int(ip).toString(16)}`,
    `${ip}.`,
  ];
  return forms[k % forms.length];
});
const unsafeHost = fc.oneof(
  unsafeV4Form,
  fc.constantFrom(...UNSAFE_V6).map((ip) => `[${ip}]`),
);
const unsafeUrl = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    unsafeHost,
    fc.constantFrom('', ':80', ':8080', ':9200'),
    fc.constantFrom('/', '/latest/meta-data', '/hook?x=1'),
  )
  .map(([s, h, p, path]) => `${s}://${h}${p}${path}`);
const safeUrl = fc.constantFrom('http://127.0.0.1:9/hook', 'http://[::1]:9/hook', 'https://93.184.216.34/hook', 'http://8.8.8.8/x');

// ------------------------------------------------------------------ OpenAPI → arbitraries
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = any;

const odd = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant(''),
  fc.constant(' '),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant('x'.repeat(5000)),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(-0),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
);

function fromSchema(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.oneOf || s.anyOf) return fc.oneof(...(s.oneOf ?? s.anyOf).map((x: Schema) => fromSchema(x, depth + 1)));
  switch (s.type) {
    case 'object': {
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) props[k] = fromSchema(v, depth + 1);
      if (!Object.keys(props).length) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    }
    case 'array':
      return fc.array(fromSchema(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    case 'integer':
      return fc.integer({ min: s.minimum ?? -10, max: s.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (s.format === 'date-time') return fc.date({ min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString());
      if (s.example) return fc.oneof(fc.constant(String(s.example)), fc.string({ maxLength: 30 }));
      return fc.string({ minLength: 1, maxLength: 30 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Walks into a random object path and replaces a value (wrong type, deletion, addition). */
function mutate(value: unknown, rnd: () => number, replacement: unknown): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  const keys = Object.keys(copy);
  const r = rnd();
  if (!keys.length || r < 0.2) {
    (copy as Record<string, unknown>)[`extra${Math.floor(rnd() * 100)}`] = replacement;
    return copy;
  }
  const k = keys[Math.floor(rnd() * keys.length)];
  if (r < 0.4) delete (copy as Record<string, unknown>)[k];
  else if (r < 0.7) (copy as Record<string, unknown>)[k] = replacement;
  else (copy as Record<string, unknown>)[k] = mutate((copy as Record<string, unknown>)[k], rnd, replacement);
  return copy;
}

/** JSON text nested `depth` levels (built as text: JSON.stringify itself overflows the stack at a few thousand). */
export const nestText = (depth: number): string => {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}1${close}`;
};
const DEEP = '"__deep__"';
/** `value` as JSON with every "__deep__" string replaced by a `depth`-level nesting. */
export const withDeep = (value: unknown, depth: number) => JSON.stringify(value).split(DEEP).join(nestText(depth));

export interface Route {
  method: string;
  path: string;
  re: RegExp;
  body?: Schema;
  query: string[];
}

export function openApiRoutes(doc: Schema): Route[] {
  const out: Route[] = [];
  for (const [path, ops] of Object.entries<Schema>(doc.paths ?? {})) {
    if (!path.startsWith('/v1')) continue;
    for (const [m, op] of Object.entries<Schema>(ops)) {
      const method = m.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) continue;
      out.push({
        method,
        path,
        re: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        body: op.requestBody?.content?.['application/json']?.schema,
        query: (op.parameters ?? []).filter((p: Schema) => p.in === 'query').map((p: Schema) => p.name),
      });
    }
  }
  return out;
}

export function matchRoute(routes: Route[], method: string, path: string): Route | undefined {
  return routes.find((r) => r.method === method && r.re.test(path));
}

export const enc = encodeURIComponent;

export function requestArb(routes: Route[], watchId: string, actorId: string): fc.Arbitrary<Sent> {
  const role = fc.constantFrom<Role>('none', 'badkey', 'viewer', 'operator', 'admin', 'admin', 'operator');
  const ids = fc.oneof(
    fc.constantFrom(watchId, actorId, 'nope', 'x'.repeat(300), '..%2F..', '%00', '%E2%80%AE', '0', '-1', 'w_1', 'org:kaspersky-lab'),
    fc.string({ maxLength: 12 }).map(enc),
  );
  const queryValue = fc.oneof(
    fc.constantFrom('1', '0', '-1', '51', '200', '10001', '1e3', 'NaN', 'Infinity', '', 'true', '[]', '%00'),
    fc.constantFrom('-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00.000Z', '2026-12-01', '2026-13-45', '9999-12-31T23:59:59Z'),
    fc.string({ maxLength: 20 }).map(enc),
  );
  const query = (known: string[]) =>
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...(known.length ? known : ['q'])), fc.constantFrom('x', 'a[b]', 'q[]', '__proto__')),
          queryValue,
        ),
        {
          maxLength: 4,
        },
      )
      .map((pairs) => (pairs.length ? '?' + pairs.map(([k, v]) => `${enc(k)}=${v}`).join('&') : ''));
  const rawBody = (schema: Schema) =>
    fc.oneof(
      { weight: 4, arbitrary: fromSchema(schema).map((v) => JSON.stringify(v)) },
      {
        weight: 4,
        arbitrary: fc
          .tuple(fromSchema(schema), odd, fc.double({ min: 0, max: 1, noNaN: true }))
          .map(([v, rep, r]) => JSON.stringify(mutate(v, mulberry(Math.floor(r * 1e9)), rep))),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '1e309', '{"a":1e309}', '\u0000', '{}{}') },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fromSchema(schema), fc.constantFrom(65, 200, 1000, 5000, 20000))
          .map(([v, d]) =>
            withDeep(typeof v === 'object' && v !== null ? { ...(v as object), metadata: '__deep__', extra: '__deep__' } : '__deep__', d),
          ),
      },
      { weight: 1, arbitrary: fc.constant(JSON.stringify({ big: 'x'.repeat(MAX_BODY + 10) })) },
    );
  const watchWithUrl = fc
    .tuple(
      fc.oneof(
        unsafeUrl.map((u) => ({ u, unsafe: true })),
        safeUrl.map((u) => ({ u, unsafe: false })),
      ),
      role,
    )
    .map(([{ u, unsafe }, r]) => ({
      method: 'POST',
      path: '/v1/watches',
      role: r,
      body: JSON.stringify({ name: 'target', query: 'x', channels: [{ type: 'webhook', url: u }] }),
      ...(unsafe ? { unsafeTarget: u } : {}),
    }));
  const perRoute = routes.map((rt) =>
    fc
      .tuple(
        role,
        fc.array(ids, { minLength: 3, maxLength: 3 }),
        query(rt.query),
        rt.body || rt.method !== 'GET' ? fc.option(rawBody(rt.body), { freq: 8 }) : fc.constant(null),
        fc.constantFrom(
          'application/json',
          'application/json',
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/merge-patch+json',
        ),
      )
      .map(([r, idv, q, body, ct]): Sent => {
        let i = 0;
        const path = rt.path.replace(/\{[^}]+\}/g, () => idv[i++]) + q;
        return {
          method: rt.method,
          path,
          role: r,
          ...(body !== null && body !== undefined ? { body, headers: { 'content-type': ct } } : {}),
        };
      }),
  );
  const oddPath = fc
    .tuple(
      role,
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      fc.constantFrom(
        '/v1/',
        '/v1',
        '/v1/nope',
        '/v1//watches',
        '/v1/watches/',
        '/v1/status/x',
        '/%2e%2e/v1/status',
        '/docs-json',
        '/metrics',
        '/health/ready',
      ),
    )
    .map(([r, m, p]): Sent => ({ method: m, path: p, role: r }));
  return fc.oneof(
    { weight: 20, arbitrary: fc.oneof(...perRoute) },
    { weight: 4, arbitrary: watchWithUrl },
    { weight: 1, arbitrary: oddPath },
  );
}

function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
