import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, eventContract, invokeContract } from '../../../src/contract/index.ts';

const router = {
  id: 'r1', name: 'Office', host: '192.168.88.1', port: 8728, transport: 'api', username: 'admin',
  tlsFingerprint: null, allowAnonymousTls: false, identity: 'MikroTik', version: '7.18.2 (stable)', board: 'hAP ax3', isDemo: false,
};
const status = { routerId: 'r1', state: 'online', message: null, since: 1, lastError: null, nextRetryAt: null, lastSeenAt: 2 };
const draft = { name: 'Office', host: '192.168.88.1', port: 8728, transport: 'api', username: 'admin', password: 'pw' };
const settings = { theme: 'system', language: 'tr', pollIntervalSec: 5, onlineThresholdSec: 180, notifications: true };
const iface = { id: '*1', name: 'wg0', running: true, disabled: false, listenPort: 13231, mtu: 1420, publicKey: 'k', comment: '', addresses: ['10.0.0.1/24'], peerCount: 2, onlinePeerCount: 1 };
const peer = {
  id: '*2', interface: 'wg0', name: 'phone', comment: '', publicKey: 'k', allowedAddress: ['10.0.0.2/32'], endpoint: null,
  currentEndpoint: '203.0.113.5:51820', lastHandshakeMs: 42_000, persistentKeepaliveSec: 25, rx: 1, tx: 2, disabled: false, dynamic: false, status: 'online',
};
const health = { identity: 'R', version: '7.18', board: 'b', architecture: 'arm64', cpuLoad: 3, cpuCount: 4, freeMemory: 1, totalMemory: 2, uptimeMs: 3, readAt: 4 };

// One valid and one invalid example per channel: adding a channel without examples fails this test.
const invokeExamples: Record<string, { validIn: unknown; invalidIn: unknown; validOut: unknown; invalidOut: unknown }> = {
  'app:info': { validIn: undefined, invalidIn: { x: 1 }, validOut: { version: '1', platform: 'linux', keychain: { ok: true, message: null }, dataDirectory: '/d' }, invalidOut: { version: 1 } },
  'settings:get': { validIn: undefined, invalidIn: 'x', validOut: settings, invalidOut: { ...settings, theme: 'pink' } },
  'settings:update': { validIn: { pollIntervalSec: 10 }, invalidIn: { pollIntervalSec: 1 }, validOut: settings, invalidOut: { ...settings, pollIntervalSec: 0 } },
  'routers:list': { validIn: undefined, invalidIn: 5, validOut: [{ profile: router, status }], invalidOut: [{ profile: router }] },
  'routers:test': { validIn: draft, invalidIn: { ...draft, port: 70000 }, validOut: { identity: 'R', version: '7.18', board: 'b', tls: null, warnings: [] }, invalidOut: { identity: 'R' } },
  'routers:add': { validIn: draft, invalidIn: { ...draft, host: 'not a host!' }, validOut: router, invalidOut: { ...router, transport: 'ssh' } },
  'routers:update': { validIn: { id: 'r1', name: 'New' }, invalidIn: { name: 'New' }, validOut: router, invalidOut: {} },
  'routers:remove': { validIn: { id: 'r1' }, invalidIn: {}, validOut: { removed: true }, invalidOut: { removed: false } },
  'routers:reconnect': { validIn: { id: 'r1' }, invalidIn: { id: 3 }, validOut: status, invalidOut: { ...status, state: 'great' } },
  'routers:startDemo': { validIn: undefined, invalidIn: { port: 1 }, validOut: router, invalidOut: null },
  'interfaces:list': { validIn: { routerId: 'r1' }, invalidIn: {}, validOut: { source: 'live', seenAt: 1, rows: [iface] }, invalidOut: { source: 'guess', seenAt: 1, rows: [] } },
  'peers:list': { validIn: { routerId: 'r1' }, invalidIn: { routerId: '' }, validOut: { source: 'cache', seenAt: null, rows: [peer] }, invalidOut: { source: 'live', seenAt: 1, rows: [{ ...peer, status: 'sleepy' }] } },
  'router:health': { validIn: { routerId: 'r1' }, invalidIn: null, validOut: health, invalidOut: { ...health, cpuLoad: 'high' } },
};

describe('IPC contract', () => {
  it('has examples for every invoke channel', () => {
    expect(Object.keys(invokeExamples).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  for (const channel of INVOKE_CHANNELS) {
    it(`${channel}: accepts valid and rejects invalid payloads`, () => {
      const ex = invokeExamples[channel]!;
      const schema = invokeContract[channel];
      expect(schema.input.safeParse(ex.validIn).success).toBe(true);
      expect(schema.input.safeParse(ex.invalidIn).success).toBe(false);
      expect(schema.output.safeParse(ex.validOut).success).toBe(true);
      expect(schema.output.safeParse(ex.invalidOut).success).toBe(false);
    });
  }

  it('strips fields outside the contract from outputs (a password can never ride along)', () => {
    const parsed = invokeContract['routers:add'].output.parse({ ...router, password: 'secret' });
    expect(parsed).not.toHaveProperty('password');
  });

  it('explains bad router input in words a technician can act on', () => {
    const res = invokeContract['routers:add'].input.safeParse({ ...draft, host: 'my router', port: 0 });
    expect(res.success).toBe(false);
    const messages = res.error!.issues.map((i) => i.message).join(' | ');
    expect(messages).toMatch(/IPv4 address .* or a host name/);
    expect(messages).toMatch(/from 1 to 65535/);
  });

  const eventExamples: Record<string, { valid: unknown; invalid: unknown }> = {
    'router:status': { valid: status, invalid: { ...status, since: 'now' } },
    'routers:changed': { valid: { reason: 'added', id: 'r1' }, invalid: { reason: 'exploded', id: 'r1' } },
    'settings:changed': { valid: settings, invalid: { ...settings, language: 'xx' } },
  };

  for (const event of EVENT_CHANNELS) {
    it(`event ${event}: accepts valid and rejects invalid payloads`, () => {
      const ex = eventExamples[event]!;
      expect(eventContract[event].safeParse(ex.valid).success).toBe(true);
      expect(eventContract[event].safeParse(ex.invalid).success).toBe(false);
    });
  }
});
