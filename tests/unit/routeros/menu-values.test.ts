import { describe, expect, it } from 'vitest';
import { parseRouterOsVersion, type RouterOsVersion } from '../../../src/domain/routeros-version.ts';
import { bool, bytes, duration, id, list } from '../../../main/routeros/menus/values.ts';
import { peerParams, toWireGuardPeer } from '../../../main/routeros/menus/wireguard-peers.ts';
import { normalizePath } from '../../../main/routeros/client.ts';
import { normalizeFingerprint } from '../../../main/routeros/transport/certificate.ts';
import { legacyResponse } from '../../../main/routeros/login.ts';
import { toIpCloud } from '../../../main/routeros/menus/ip-cloud.ts';

function version(text: string): RouterOsVersion {
  const parsed = parseRouterOsVersion(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('value readers', () => {
  it('reads booleans in both spellings', () => {
    expect([bool({ a: 'true' }, 'a'), bool({ a: 'yes' }, 'a'), bool({ a: 'false' }, 'a'), bool({ a: 'no' }, 'a')]).toEqual([true, true, false, false]);
    expect(() => bool({ '.id': '*1', a: 'maybe' }, 'a')).toThrow(/item \*1: a="maybe"/);
  });

  it('reads /ip/cloud ddns-enabled as a flag before 7.17 and as yes | auto after (7.17 changelog, manual /ip/cloud)', () => {
    const enabled = (v: string) => toIpCloud({ 'ddns-enabled': v, status: '' }).ddnsEnabled;
    expect(['true', 'false', 'yes', 'auto'].map(enabled)).toEqual([true, false, true, 'auto']);
  });

  it('reads durations to milliseconds, absent as undefined', () => {
    expect(duration({ t: '1m45s' }, 't')).toBe(105_000);
    expect(duration({ t: '21ms768us' }, 't')).toBeCloseTo(21.768);
    expect(duration({ t: '6d4h40m57s' }, 't')).toBe(((6 * 24 + 4) * 3600 + 40 * 60 + 57) * 1000);
    expect(duration({}, 't')).toBeUndefined();
  });

  it('reads byte counters beyond 2^53 exactly', () => {
    expect(bytes({ rx: '18446744073709551615' }, 'rx')).toBe(18446744073709551615n);
  });

  it('reads ids and comma lists', () => {
    expect(id({ '.id': '*1A' })).toBe('*1A');
    expect(() => id({ '.id': '1A' })).toThrow();
    expect(list({ a: '10.0.0.0/24,::/0' }, 'a')).toEqual(['10.0.0.0/24', '::/0']);
    expect(list({ a: '' }, 'a')).toEqual([]);
  });
});

describe('peers', () => {
  it('maps a peer that never handshook (no last-handshake field)', () => {
    const peer = toWireGuardPeer({
      '.id': '*3',
      interface: 'wg-site2site',
      name: 'peer2',
      'public-key': 'X',
      'endpoint-address': 'example.sn.mynetname.net',
      'endpoint-port': '13231',
      'current-endpoint-address': '',
      'current-endpoint-port': '0',
      'allowed-address': '10.99.99.2/32',
      'persistent-keepalive': '25s',
      'client-allowed-address': '::/0',
      rx: '0',
      tx: '0',
    });
    expect(peer).toMatchObject({
      lastHandshakeMs: undefined,
      currentEndpointAddress: undefined,
      persistentKeepaliveMs: 25_000,
      responder: undefined,
      rx: 0n,
      client: { allowedAddress: '::/0' },
    });
  });

  it('builds version-specific parameters', () => {
    expect(peerParams({ responder: true }, version('7.16'))).toMatchObject({ 'is-responder': true });
    expect(peerParams({ responder: true }, version('7.17'))).toMatchObject({ responder: true });
    expect(peerParams({ responder: true }, version('7.17'))).not.toHaveProperty('is-responder');
    expect(() => peerParams({ client: { address: '10.0.0.2/32' } }, version('7.11'))).toThrow(/7\.12/);
    expect(peerParams({ persistentKeepaliveMs: 25_000, allowedAddress: ['a', 'b'] }, version('7.12'))).toMatchObject({
      'persistent-keepalive': '25s',
      'allowed-address': 'a,b',
    });
  });
});

describe('small protocol helpers', () => {
  it('normalises menu paths', () => {
    expect(normalizePath('/ip address')).toBe('/ip/address');
    expect(normalizePath('interface/wireguard/peers/')).toBe('/interface/wireguard/peers');
  });

  it('normalises fingerprints', () => {
    const hex = 'ab'.repeat(32);
    expect(normalizeFingerprint(hex)).toBe(Array(32).fill('AB').join(':'));
    expect(() => normalizeFingerprint('abcd')).toThrow(/64 hex digits/);
  });

  it('computes the legacy login response the documented way', () => {
    // Vector from coreutils: (printf '\x00pw'; 16 x '\xff') | md5sum
    expect(legacyResponse('pw', 'ff'.repeat(16))).toBe('00d11a954b67e10edff27818bbbbdf946c');
  });
});
