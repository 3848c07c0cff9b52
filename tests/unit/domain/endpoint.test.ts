import { describe, expect, it } from 'vitest';
import { formatEndpoint, isPrivateOrLocalAddress, parseEndpoint, parseEndpointHost, parsePort } from '../../../src/domain/endpoint.ts';
import { message, value } from './helpers.ts';

describe('parseEndpointHost', () => {
  it('accepts DNS names, IPv4 and IPv6 and normalises them', () => {
    expect(value(parseEndpointHost(' VPN.Example.com. '))).toEqual({ kind: 'dns', host: 'vpn.example.com' });
    expect(value(parseEndpointHost('203.0.113.7'))).toEqual({ kind: 'ipv4', host: '203.0.113.7' });
    expect(value(parseEndpointHost('2001:DB8:0::1'))).toEqual({ kind: 'ipv6', host: '2001:db8::1' });
    expect(value(parseEndpointHost('[2001:db8::1]'))).toEqual({ kind: 'ipv6', host: '2001:db8::1' });
    expect(value(parseEndpointHost('router'))).toEqual({ kind: 'dns', host: 'router' });
    expect(value(parseEndpointHost('3com'))).toEqual({ kind: 'dns', host: '3com' });
    expect(value(parseEndpointHost('xn--mnchen-3ya.de'))).toEqual({ kind: 'dns', host: 'xn--mnchen-3ya.de' });
  });

  it('explains what is wrong with a host', () => {
    expect(message(parseEndpointHost(''))).toBe('Endpoint host is empty. Enter the router\'s public IP address or DNS name.');
    expect(message(parseEndpointHost('vpn example.com'))).toContain('contains spaces');
    expect(message(parseEndpointHost('-bad-.example.com'))).toContain('may not start or end with a hyphen');
    expect(message(parseEndpointHost('a..b'))).toContain('is not a valid DNS name');
    expect(message(parseEndpointHost(`${'a'.repeat(64)}.com`))).toContain('1 to 63 letters');
    expect(message(parseEndpointHost('203.0.113'))).toContain('not a valid IPv4 address');
    expect(message(parseEndpointHost('10.0.0.1a'))).toContain('looks like an IPv4 address');
    expect(message(parseEndpointHost('vpn.1'))).toBe('Host "vpn.1" looks like an IPv4 address but is not a valid one. An IPv4 address is four numbers from 0 to 255 separated by dots.');
    expect(message(parseEndpointHost('münchen.de'))).toContain('"xn--" form');
    expect(message(parseEndpointHost('0.0.0.0'))).toContain('placeholder address that no client can connect to');
    expect(message(parseEndpointHost('::'))).toContain('placeholder address');
    expect(message(parseEndpointHost('239.1.1.1'))).toContain('multicast address');
    expect(message(parseEndpointHost('ff02::1'))).toContain('multicast address');
  });
});

describe('parsePort', () => {
  it('accepts 1..65535 as number or string', () => {
    expect(value(parsePort(13231))).toBe(13231);
    expect(value(parsePort(' 51820 '))).toBe(51820);
    expect(value(parsePort('1'))).toBe(1);
    expect(value(parsePort(65535))).toBe(65535);
  });

  it('says what range is allowed', () => {
    expect(message(parsePort(70000))).toBe('Port must be a whole number from 1 to 65535; got 70000. WireGuard on RouterOS listens on 13231 unless changed.');
    expect(message(parsePort(0))).toContain('got 0');
    expect(message(parsePort('13231.5'))).toContain('got 13231.5');
    expect(message(parsePort('abc'))).toContain('got "abc"');
    expect(message(parsePort(''))).toContain('got (empty)');
  });
});

describe('parseEndpoint', () => {
  it('splits host and port', () => {
    expect(value(parseEndpoint('vpn.example.com:13231'))).toEqual({ kind: 'dns', host: 'vpn.example.com', port: 13231 });
    expect(value(parseEndpoint('203.0.113.7:51820'))).toEqual({ kind: 'ipv4', host: '203.0.113.7', port: 51820 });
    expect(value(parseEndpoint('[2001:db8::1]:13231'))).toEqual({ kind: 'ipv6', host: '2001:db8::1', port: 13231 });
  });

  it('asks for brackets around IPv6 and for a port', () => {
    expect(message(parseEndpoint('2001:db8::1:13231'))).toBe('Endpoint "2001:db8::1:13231" must be host:port, like vpn.example.com:13231. Put an IPv6 address in brackets: [2001:db8::1]:13231.');
    expect(message(parseEndpoint('vpn.example.com'))).toBe('Endpoint "vpn.example.com" must be host:port, like vpn.example.com:13231.');
    expect(message(parseEndpoint('vpn.example.com:99999'))).toContain('Endpoint port must be a whole number from 1 to 65535; got 99999.');
  });
});

describe('formatEndpoint', () => {
  it('brackets IPv6 literals only', () => {
    expect(formatEndpoint('vpn.example.com', 13231)).toBe('vpn.example.com:13231');
    expect(formatEndpoint('203.0.113.7', 13231)).toBe('203.0.113.7:13231');
    expect(formatEndpoint('2001:db8::1', 13231)).toBe('[2001:db8::1]:13231');
  });
});

describe('isPrivateOrLocalAddress', () => {
  it.each([
    '10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.88.1', // RFC 1918
    '100.64.0.1', '100.127.255.254', // CGNAT
    '127.0.0.1', '::1', // loopback
    '169.254.10.20', 'fe80::1', // link-local
    'fd12:3456::1', 'fc00::1', // ULA
    '::ffff:192.168.1.1', // IPv4-mapped
    'localhost', 'mikrotik.local', '[fd00::1]',
  ])('%s is private or local', (host) => {
    expect(isPrivateOrLocalAddress(host)).toBe(true);
  });

  it.each(['203.0.113.7', '172.32.0.1', '100.128.0.1', '8.8.8.8', '2001:db8::1', '2a00:1450::1', 'vpn.example.com', 'not a host'])(
    '%s is not',
    (host) => {
      expect(isPrivateOrLocalAddress(host)).toBe(false);
    },
  );
});
