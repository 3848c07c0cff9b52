// Hardening (issue 12): every string and every list a channel takes from the renderer has a maximum, and the
// names that end up on the router (names, comments, hosts) refuse control characters. The walker goes over
// every invoke channel's input schema, so a new field without a bound fails here.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INVOKE_CHANNELS, invokeContract } from '../../../src/contract/index.ts';
import { CONTROL_CHARACTERS_MESSAGE } from '../../../src/contract/fields.ts';

interface Def {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}
interface CheckDef { check: string; maximum?: number; length?: number; format?: string }
interface Internals { def: Def & { checks?: { _zod: { def: CheckDef } }[] }; bag: { maximum?: unknown; format?: unknown } }
const internals = (s: z.ZodType) => (s as unknown as { _zod: Internals })._zod;

/** Formats whose value has a fixed length: a string in one of them is bounded without a maximum. */
const FIXED_LENGTH_FORMATS = new Set(['uuid', 'guid']);

/**
 * Whether a string or array has a maximum length: `_zod.bag.maximum`, or (the zod installed here leaves the
 * bag empty for length checks) a max_length / length_equals check among its checks, or a fixed-length format.
 */
function isBounded(schema: z.ZodType): boolean {
  const { def, bag } = internals(schema);
  if (typeof bag.maximum === 'number') return true;
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  if (checks.some((c) => (c.check === 'max_length' && typeof c.maximum === 'number') || (c.check === 'length_equals' && typeof c.length === 'number'))) return true;
  const formats = [def.format, bag.format, ...checks.filter((c) => c.check === 'string_format').map((c) => c.format)];
  return def.type === 'string' && formats.some((f) => typeof f === 'string' && FIXED_LENGTH_FORMATS.has(f));
}

interface Found {
  strings: string[];
  arrays: string[];
}

function walk(schema: z.ZodType, path: string, found: Found, seen: Set<z.ZodType>): void {
  if (seen.has(schema)) return; // a recursive (lazy) schema, already being walked on this path
  seen.add(schema);
  visit(schema, path, found, seen);
  seen.delete(schema);
}

function visit(schema: z.ZodType, path: string, found: Found, seen: Set<z.ZodType>): void {
  const { def } = internals(schema);
  const bounded = isBounded(schema);
  switch (def.type) {
    case 'string':
      if (!bounded) found.strings.push(path);
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape ?? {})) walk(value, `${path}.${key}`, found, seen);
      break;
    case 'array':
      if (!bounded) found.arrays.push(path);
      walk(def.element!, `${path}[]`, found, seen);
      break;
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional': case 'success':
      walk(def.innerType!, path, found, seen);
      break;
    case 'pipe':
      walk(def.in!, path, found, seen);
      break;
    case 'union': // discriminated unions too (zod 4 gives them type 'union')
      def.options!.forEach((o, i) => walk(o, `${path}|${i}`, found, seen));
      break;
    case 'record':
      walk(def.keyType!, `${path}{key}`, found, seen);
      walk(def.valueType!, `${path}{value}`, found, seen);
      break;
    case 'tuple':
      def.items!.forEach((item, i) => walk(item, `${path}[${i}]`, found, seen));
      if (def.rest) { found.arrays.push(`${path}[...]`); walk(def.rest, `${path}[...]`, found, seen); }
      break;
    case 'lazy':
      walk(def.getter!(), path, found, seen);
      break;
    case 'intersection':
      walk(def.left!, path, found, seen);
      walk(def.right!, path, found, seen);
      break;
    case 'map': case 'set':
      throw new Error(`${path}: a ${def.type} cannot cross IPC as JSON; the walker does not know it.`);
    default:
      // number, boolean, enum, literal, undefined, unknown...: nothing of unbounded length.
      break;
  }
}

function unboundedInputs(): Found {
  const found: Found = { strings: [], arrays: [] };
  for (const channel of INVOKE_CHANNELS) walk(invokeContract[channel].input, channel, found, new Set());
  return found;
}

describe('invoke inputs are bounded', () => {
  it('the walker sees through every wrapper (a known unbounded shape is found)', () => {
    const found: Found = { strings: [], arrays: [] };
    const probe = z.object({
      a: z.string().trim().optional(),
      b: z.union([z.string().max(3), z.array(z.string().max(3))]),
      c: z.string().transform((s) => s.length),
      d: z.lazy(() => z.object({ e: z.string().nullable().default(null) })),
      f: z.string().uuid(),
      g: z.array(z.number()).max(2),
      h: z.record(z.string().max(3), z.string()),
      i: z.tuple([z.string().max(1), z.string()]),
      j: z.intersection(z.object({ k: z.string() }), z.object({ l: z.string().max(1) })),
      m: z.discriminatedUnion('t', [z.object({ t: z.literal('x'), n: z.string() }), z.object({ t: z.literal('y') })]),
      o: z.string().max(5).readonly().catch('x').prefault('y'),
    });
    walk(probe, 'probe', found, new Set());
    expect(found).toEqual({ strings: ['probe.a', 'probe.c', 'probe.d.e', 'probe.h{value}', 'probe.i[1]', 'probe.j.k', 'probe.m|0.n'], arrays: ['probe.b|1'] });
  });

  it('every string in every invoke input has a maximum length', () => {
    const { strings } = unboundedInputs();
    expect(strings, `${strings.length} unbounded input strings:\n${strings.join('\n')}`).toEqual([]);
  });

  it('every list in every invoke input has a maximum number of entries', () => {
    const { arrays } = unboundedInputs();
    expect(arrays, `${arrays.length} unbounded input lists:\n${arrays.join('\n')}`).toEqual([]);
  });
});

// ---- limits a technician never reaches, refusing what nobody types ----

const parse = (channel: keyof typeof invokeContract, input: unknown) => invokeContract[channel].input.safeParse(input);
const messages = (r: { success: boolean; error?: z.ZodError }) => (r.error?.issues ?? []).map((i) => i.message);

const r = { routerId: 'r1' };
const byIface = { ...r, interface: 'wg0' };
const HUGE = 'a'.repeat(300_000);

describe('long input is refused with a message that says what to fix', () => {
  it.each([
    ['an import job id', 'peers:importResume', { ...r, jobId: 'j'.repeat(300_078) }],
    ['an import job id (cancel)', 'peers:importCancel', { ...r, jobId: HUGE }],
    ['a ping address of only hex and colons', 'peers:ping', { ...r, address: 'a:'.repeat(150_000) }],
    ['a RouterOS id', 'peers:delete', { ...r, peerId: `*${'A'.repeat(300_000)}` }],
    ['a confirmation name', 'interfaces:delete', { ...r, interfaceId: '*1', confirmName: HUGE }],
    ['an address', 'interfaces:addAddress', { ...r, interfaceId: '*1', address: HUGE }],
    ['an address list as text', 'peers:update', { ...r, peerId: '*1', allowedAddress: `10.0.0.1/32,${HUGE}` }],
    ['one address of a list', 'peers:update', { ...r, peerId: '*1', allowedAddress: ['10.0.0.1/32', HUGE] }],
    ['a public key', 'peers:create', { ...byIface, name: 'ali', publicKey: HUGE }],
    ['an endpoint', 'peers:create', { ...byIface, name: 'ali', endpoint: HUGE }],
    ['an endpoint host', 'endpoints:set', { ...byIface, host: HUGE, port: 13231 }],
    ['a reservation address', 'reservations:reserve', { ...byIface, address: HUGE }],
    ['a released address', 'reservations:release', { ...byIface, address: HUGE }],
    ['a certificate fingerprint', 'routers:update', { id: 'r1', tlsFingerprint: `AB:${HUGE}` }],
    ['a site link peer name', 'sites:preview', { a: { ...byIface, peerName: HUGE }, b: { routerId: 'r2', interface: 'wg0' } }],
    ['a site endpoint', 'sites:preview', { a: { ...byIface, endpoint: HUGE }, b: { routerId: 'r2', interface: 'wg0' } }],
    ['a split-tunnel LAN', 'configs:get', { ...r, peerId: '*1', lans: HUGE }],
    ['a config endpoint', 'configs:get', { ...r, peerId: '*1', endpoint: HUGE }],
  ] as const)('%s', (_what, channel, input) => {
    const result = parse(channel, input);
    expect(result.success).toBe(false);
    // One sentence naming the limit, not the regex's complaint about 300,000 characters too.
    expect(messages(result).join(' ')).toMatch(/at most [\d,]+ characters|[\d,]+ characters at most/);
  });

  it('a list of addresses has at most 1,024 entries', () => {
    const many = Array.from({ length: 1025 }, (_, i) => `10.${i >> 8}.${i & 255}.1/32`);
    const result = parse('peers:update', { ...r, peerId: '*1', allowedAddress: many });
    expect(result.success).toBe(false);
    expect(messages(result).join(' ')).toMatch(/at most 1,024/);
    expect(parse('peers:update', { ...r, peerId: '*1', allowedAddress: many.slice(0, 1024) }).success).toBe(true);
  });

  it('the audit filter takes at most one of each action', () => {
    expect(parse('audit:list', { actions: Array(11).fill('create') }).success).toBe(false);
    expect(parse('audit:list', { actions: ['create', 'edit', 'delete', 'enable', 'disable', 'import', 'rotate-keys', 'export', 'restore', 'undo'] }).success).toBe(true);
  });

  it('CSV text keeps its 5,000,000 character limit', () => {
    const csv = 'name,address\n' + 'peer,10.0.0.2/32\n'.repeat(200_000); // ~3.4 MB: thousands of peers
    expect(parse('peers:importPreview', { ...byIface, csv }).success).toBe(true);
    expect(messages(parse('peers:importPreview', { ...byIface, csv: 'x'.repeat(5_000_001) }))).toContain('The CSV file is too large (5 MB at most); split it.');
  });

  it('what a technician does type still goes through', () => {
    const ok: [keyof typeof invokeContract, unknown][] = [
      ['peers:importResume', { ...r, jobId: '0b5e3a52-2c1f-4a8e-9d5b-6f3c2a1e7d90' }],
      ['peers:ping', { ...r, address: 'fd12:3456:789a:1:ffff:ffff:ffff:fffe' }],
      ['peers:ping', { ...r, address: '10.10.0.3' }],
      ['peers:delete', { ...r, peerId: '*FFFFFFFF' }],
      ['peers:update', { ...r, peerId: '*1A', allowedAddress: 'fd12:3456:789a:1:ffff:ffff:ffff:fffe/128, 10.8.0.5/32, 192.168.5.0/24' }],
      ['endpoints:set', { ...byIface, host: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, port: 13231 }],
      ['routers:update', { id: 'r1', tlsFingerprint: Array(32).fill('AB').join(':') }],
      ['clientRoutes:set', { ...byIface, routes: ['fd12:3456:789a:1::/64', '192.168.88.0/24'] }],
    ];
    for (const [channel, input] of ok) expect(parse(channel, input).error?.issues ?? [], channel).toEqual([]);
  });
});

// ---- control characters in names ----

const CONTROL = ['\u0000', '\u0001', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029'];
const UNICODE_NAMES = ['Şube-İzmir', 'москва-офис', 'çağrı merkezi ğüşiöÇĞÜŞİÖ', '東京-支社', 'São Paulo'];
const draft = { name: 'Office', host: '192.168.88.1', port: 8728, transport: 'api', username: 'admin', password: 'pw' };

/** Each name field: where it is and how to put a value in it. */
const NAME_FIELDS: [string, keyof typeof invokeContract, (v: string) => unknown][] = [
  ['router name', 'routers:add', (v) => ({ ...draft, name: v })],
  ['router name (update)', 'routers:update', (v) => ({ id: 'r1', name: v })],
  ['login username', 'routers:test', (v) => ({ ...draft, username: v })],
  ['peer name', 'peers:create', (v) => ({ ...byIface, name: v })],
  ['peer name (update)', 'peers:update', (v) => ({ ...r, peerId: '*1', name: v })],
  ['peer comment', 'peers:create', (v) => ({ ...byIface, name: 'ali', comment: v })],
  ['interface name', 'interfaces:create', (v) => ({ ...r, name: v })],
  ['interface comment', 'interfaces:update', (v) => ({ ...r, interfaceId: '*1', comment: v })],
  ['site-link peer name', 'sites:preview', (v) => ({ a: { ...byIface, peerName: v }, b: { routerId: 'r2', interface: 'wg0' } })],
  ['reservation note', 'reservations:reserve', (v) => ({ ...byIface, address: '10.0.0.50', note: v })],
];
/** Hosts and DNS names: no letters outside DNS, but no control character either. */
const HOST_FIELDS: [string, keyof typeof invokeContract, (v: string) => unknown][] = [
  ['endpoint host', 'endpoints:set', (v) => ({ ...byIface, host: v, port: 13231 })],
  ['peer endpoint', 'peers:create', (v) => ({ ...byIface, name: 'ali', endpoint: v })],
  ['client endpoint', 'peers:create', (v) => ({ ...byIface, name: 'ali', client: { endpoint: v } })],
  ['config endpoint', 'configs:get', (v) => ({ ...r, peerId: '*1', endpoint: v })],
  ['site endpoint', 'sites:preview', (v) => ({ a: { ...byIface, endpoint: v }, b: { routerId: 'r2', interface: 'wg0' } })],
  ['client DNS', 'peers:create', (v) => ({ ...byIface, name: 'ali', client: { dns: v } })],
  ['client DNS (list)', 'peers:update', (v) => ({ ...r, peerId: '*1', client: { dns: ['1.1.1.1', v] } })],
  ['config DNS', 'configs:get', (v) => ({ ...r, peerId: '*1', dns: v })],
];

describe('names refuse control characters', () => {
  describe.each([...NAME_FIELDS, ...HOST_FIELDS])('%s', (_what, channel, put) => {
    it.each(CONTROL.map((c) => [JSON.stringify(c), c]))('refuses %s inside it', (_shown, c) => {
      const result = parse(channel, put(`ab${c}cd.example`));
      expect(result.success).toBe(false);
      expect(messages(result)).toContain(CONTROL_CHARACTERS_MESSAGE);
    });
  });

  it('refuses one at the end that trimming would not remove', () => {
    expect(parse('routers:add', { ...draft, name: 'Office\u0000' }).success).toBe(false);
    expect(parse('peers:create', { ...byIface, name: 'ali\u007f' }).success).toBe(false);
  });

  describe.each(NAME_FIELDS)('%s', (_what, channel, put) => {
    it('takes Turkish and other Unicode letters', () => {
      for (const name of UNICODE_NAMES) expect(parse(channel, put(name)).error?.issues ?? [], name).toEqual([]);
    });
  });

  it('takes a DNS name, an address and host:port where hosts go', () => {
    for (const [what, channel, put] of HOST_FIELDS) {
      const value = what.includes('DNS') ? '1.1.1.1, dns.example.com' : 'vpn.example.com:13231';
      expect(parse(channel, put(value)).error?.issues ?? [], what).toEqual([]);
    }
  });
});
