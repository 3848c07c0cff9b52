// What the client-config dialogs send to configs:get / configs:export and how they read endpoints and
// order warnings.
import { describe, expect, it } from 'vitest';
import type { LanOption } from '../../../src/contract/index.ts';
import {
  DEFAULT_CHOICES,
  defaultLans,
  endpointText,
  parseEndpoint,
  problemOf,
  shownWarnings,
  requestOptions,
  sortWarnings,
  splitList,
  warningTone,
} from '../../../renderer/features/configs/config-options.ts';
import { base64ToBytes } from '../../../src/domain/base64.ts';

const lan = (network: string, priv: boolean): LanOption => ({ network, address: network.replace(/0\/\d+$/, '1'), interface: 'bridge', comment: '', private: priv });
const OPTIONS = [lan('192.168.88.0/24', true), lan('203.0.113.0/24', false), lan('10.5.0.0/16', true)];

describe('requestOptions', () => {
  it('sends no tunnel when none was chosen, so main uses the interface\'s remembered routes (else full)', () => {
    expect(requestOptions(DEFAULT_CHOICES, OPTIONS)).toEqual({});
    expect(requestOptions({ ...DEFAULT_CHOICES, preset: 'full' }, OPTIONS)).toEqual({ preset: 'full' });
  });

  it('ticks the private networks for split tunnel until the technician chooses', () => {
    expect(requestOptions({ ...DEFAULT_CHOICES, preset: 'split' }, OPTIONS)).toEqual({ preset: 'split', lans: ['192.168.88.0/24', '10.5.0.0/16'] });
    expect(requestOptions({ ...DEFAULT_CHOICES, preset: 'split', lans: [] }, OPTIONS)).toEqual({ preset: 'split', lans: [] });
    expect(defaultLans(OPTIONS)).toEqual(['192.168.88.0/24', '10.5.0.0/16']);
  });

  it('does not send networks for full tunnel', () => {
    expect(requestOptions({ ...DEFAULT_CHOICES, preset: 'full', lans: ['192.168.88.0/24'] }, OPTIONS)).toEqual({ preset: 'full' });
    expect(requestOptions({ ...DEFAULT_CHOICES, lans: ['192.168.88.0/24'] }, OPTIONS)).toEqual({});
  });

  it('sends typed DNS as a list, an emptied field as no DNS, and a trimmed endpoint', () => {
    expect(requestOptions({ ...DEFAULT_CHOICES, dns: ' 1.1.1.1, 9.9.9.9 ', endpoint: ' vpn.example.com:51820 ' })).toEqual({
      dns: ['1.1.1.1', '9.9.9.9'],
      endpoint: 'vpn.example.com:51820',
    });
    expect(requestOptions({ ...DEFAULT_CHOICES, dns: '', endpoint: '  ' })).toEqual({ dns: [] });
    expect(splitList('1.1.1.1;8.8.8.8  9.9.9.9')).toEqual(['1.1.1.1', '8.8.8.8', '9.9.9.9']);
  });
});

describe('endpoints', () => {
  it('reads host, host:port and bracketed IPv6', () => {
    expect(parseEndpoint('vpn.example.com')).toEqual({ host: 'vpn.example.com', port: null });
    expect(parseEndpoint(' vpn.example.com:13231 ')).toEqual({ host: 'vpn.example.com', port: 13231 });
    expect(parseEndpoint('[2001:db8::1]:51820')).toEqual({ host: '2001:db8::1', port: 51820 });
    expect(parseEndpoint('2001:db8::1')).toEqual({ host: '2001:db8::1', port: null });
  });

  it('refuses an empty text, a bad port or spaces', () => {
    expect(parseEndpoint('')).toBeNull();
    expect(parseEndpoint('vpn.example.com:0')).toBeNull();
    expect(parseEndpoint('vpn.example.com:70000')).toBeNull();
    expect(parseEndpoint('vpn example.com')).toBeNull();
  });

  it('writes IPv6 in brackets', () => {
    expect(endpointText({ host: '203.0.113.7', port: 13231 })).toBe('203.0.113.7:13231');
    expect(endpointText({ host: '2001:db8::1', port: 51820 })).toBe('[2001:db8::1]:51820');
  });
});

describe('warnings and problems', () => {
  it('puts what stops a phone first and shows each code once', () => {
    const warnings = [
      { code: 'NO_DNS' as const, message: 'a' },
      { code: 'QR_TOO_LONG' as const, message: 'b' },
      { code: 'PRIVATE_ENDPOINT' as const, message: 'c' },
      { code: 'NO_DNS' as const, message: 'a' },
    ];
    expect(sortWarnings(warnings).map((w) => w.code)).toEqual(['PRIVATE_ENDPOINT', 'QR_TOO_LONG', 'NO_DNS', 'NO_DNS']);
    expect(shownWarnings(warnings).map((w) => w.code)).toEqual(['PRIVATE_ENDPOINT', 'QR_TOO_LONG', 'NO_DNS']);
    expect(warningTone('PRIVATE_ENDPOINT')).toBe('danger');
    expect(warningTone('FIREWALL_CLOSED')).toBe('warn');
    expect(warningTone('NO_DNS')).toBe('info');
  });

  it('reads the reason of a config problem', () => {
    expect(problemOf({ reason: 'NO_PRIVATE_KEY' })).toBe('NO_PRIVATE_KEY');
    expect(problemOf({})).toBeNull();
    expect(problemOf({ reason: 'PSK_NEEDS_ROUTER' })).toBe('PSK_NEEDS_ROUTER');
    expect(problemOf({ reason: 'SOMETHING_ELSE' })).toBeNull();
    expect(problemOf(undefined)).toBeNull();
  });
});

describe('base64ToBytes', () => {
  it('decodes every byte value', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(Buffer.from(base64ToBytes(all.toString('base64'))).equals(all)).toBe(true);
  });
});
