import { describe, expect, it } from 'vitest';
import {
  validateAllowedAddress,
  validateComment,
  validateDnsServers,
  validateInterfaceName,
  validateKeepalive,
  validateListenPort,
  validateMtu,
  validatePeerName,
} from '../../../src/domain/validation.ts';
import { message, value } from './helpers.ts';

describe('names and comments', () => {
  it('trims and accepts ordinary names, including non-ASCII and spaces', () => {
    expect(value(validateInterfaceName(' wg-clients '))).toBe('wg-clients');
    expect(value(validatePeerName('Ayşe Telefon'))).toBe('Ayşe Telefon');
    expect(value(validateComment(''))).toBe('');
  });

  it('requires a name', () => {
    expect(message(validateInterfaceName('  '))).toBe('Interface name is empty; enter a name.');
    expect(message(validatePeerName(''))).toBe('Peer name is empty; enter a name.');
  });

  it('rejects control characters', () => {
    expect(message(validatePeerName('ali\tveli'))).toBe('Peer name contains a tab, line break or other invisible control character; retype it on one line.');
    expect(message(validateComment('line1\nline2'))).toContain('line break');
    expect(message(validateComment('a\u0085b'))).toContain('control character');
    expect(message(validateComment('a\u2028b'))).toContain('control character');
  });

  it('limits length in characters, not bytes', () => {
    expect(value(validatePeerName('ş'.repeat(63)))).toHaveLength(63);
    expect(message(validatePeerName('x'.repeat(64)))).toBe('Peer name is 64 characters long; the limit is 63.');
    expect(message(validateComment('c'.repeat(256)))).toBe('Comment is 256 characters long; the limit is 255.');
    expect(message(validateInterfaceName('i'.repeat(64)))).toContain('limit is 63');
  });
});

describe('validateListenPort', () => {
  it('accepts 1..65535', () => {
    expect(value(validateListenPort(13231))).toBe(13231);
    expect(value(validateListenPort('51820'))).toBe(51820);
  });

  it('explains the allowed range', () => {
    expect(message(validateListenPort(70000))).toBe(
      'Listen port must be a whole number from 1 to 65535; got 70000. RouterOS uses 13231 by default; each WireGuard interface on a router needs its own port.',
    );
    expect(message(validateListenPort('0'))).toContain('got 0');
    expect(message(validateListenPort('1e3'))).toContain('got "1e3"');
    expect(message(validateListenPort(-1))).toContain('got -1');
  });
});

describe('validateMtu', () => {
  it('accepts 1280..65535', () => {
    expect(value(validateMtu(1420))).toBe(1420);
    expect(value(validateMtu('1280'))).toBe(1280);
    expect(value(validateMtu(65535))).toBe(65535);
  });

  it('explains why 1280 is the floor', () => {
    expect(message(validateMtu(1000))).toBe(
      'MTU must be a whole number from 1280 to 65535; got 1000. Below 1280 IPv6 cannot cross the tunnel; 1420 suits most connections, 1280 is the safe choice for mobile networks.',
    );
    expect(message(validateMtu(65536))).toContain('got 65536');
  });
});

describe('validateKeepalive', () => {
  it('accepts seconds and RouterOS durations', () => {
    expect(value(validateKeepalive(25))).toBe(25);
    expect(value(validateKeepalive('0'))).toBe(0);
    expect(value(validateKeepalive('25s'))).toBe(25);
    expect(value(validateKeepalive('1m'))).toBe(60);
    expect(value(validateKeepalive(65535))).toBe(65535);
  });

  it('rejects out-of-range and fractional values', () => {
    expect(message(validateKeepalive(65536))).toBe('Keepalive must be a whole number from 0 to 65535; got 65536. Use 25 for clients behind NAT, or 0 to turn keepalive off.');
    expect(message(validateKeepalive('1500ms'))).toContain('got "1500ms"');
    expect(message(validateKeepalive('2d'))).toContain('got "2d"');
    expect(message(validateKeepalive('soon'))).toContain('got "soon"');
    expect(message(validateKeepalive(2.5))).toContain('got 2.5');
  });
});

describe('validateDnsServers', () => {
  it('splits on commas and spaces, normalises and deduplicates', () => {
    expect(value(validateDnsServers('10.8.0.1, 1.1.1.1 2606:4700:4700::1111,1.1.1.1'))).toEqual(['10.8.0.1', '1.1.1.1', '2606:4700:4700::1111']);
    expect(value(validateDnsServers(['9.9.9.9']))).toEqual(['9.9.9.9']);
  });

  it('allows an empty list', () => {
    expect(value(validateDnsServers(''))).toEqual([]);
  });

  it('rejects names and bad addresses', () => {
    expect(message(validateDnsServers('dns.google'))).toBe(
      'DNS server "dns.google" is not an IP address. Enter DNS servers as IP addresses, like 1.1.1.1 or the router\'s tunnel address, not as names.',
    );
    expect(message(validateDnsServers('1.1.1.1,8.8.8'))).toContain('DNS server "8.8.8" is not a valid IPv4 address');
    expect(message(validateDnsServers('10.8.0.1/24'))).toContain('without "/prefix"');
  });
});

describe('validateAllowedAddress', () => {
  it('normalises through the CIDR parser', () => {
    expect(value(validateAllowedAddress('10.8.0.2, 192.168.10.0/24'))).toEqual(['10.8.0.2/32', '192.168.10.0/24']);
    expect(message(validateAllowedAddress('10.8.0.2/33'))).toContain('invalid prefix length');
    expect(message(validateAllowedAddress(''))).toContain('is empty');
  });
});
