import { describe, expect, it } from 'vitest';
import {
  buildClientConfig,
  fullTunnelAllowedIps,
  splitTunnelAllowedIps,
  type ClientConfigInput,
} from '../../../src/domain/client-config.ts';
import { message, value } from './helpers.ts';

const base: ClientConfigInput = {
  privateKey: 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=',
  addresses: ['10.8.0.2/32'],
  serverPublicKey: 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=',
  allowedIps: ['0.0.0.0/0', '::/0'],
  endpointHost: 'vpn.example.com',
  endpointPort: 13231,
};

describe('buildClientConfig', () => {
  it('writes a minimal config with the default keepalive', () => {
    expect(value(buildClientConfig(base))).toBe(
      [
        '[Interface]',
        'PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=',
        'Address = 10.8.0.2/32',
        '',
        '[Peer]',
        'PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=',
        'AllowedIPs = 0.0.0.0/0, ::/0',
        'Endpoint = vpn.example.com:13231',
        'PersistentKeepalive = 25',
        '',
      ].join('\n'),
    );
  });

  it('writes every optional line when given', () => {
    const text = value(
      buildClientConfig({
        ...base,
        addresses: ['10.8.0.2/24', 'fd00:8::2'],
        dns: ['10.8.0.1', 'fd00:8::1'],
        mtu: 1420,
        presharedKey: 'FpCyhws9cxwWoV4xELtfJvjJN+zQVRPISllRWgeopVE=',
        allowedIps: ['10.8.0.0/24', '192.168.88.0/24'],
        endpointHost: '2001:db8::1',
        persistentKeepalive: 15,
      }),
    );
    expect(text).toBe(
      [
        '[Interface]',
        'PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=',
        'Address = 10.8.0.2/24, fd00:8::2/128',
        'DNS = 10.8.0.1, fd00:8::1',
        'MTU = 1420',
        '',
        '[Peer]',
        'PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=',
        'PresharedKey = FpCyhws9cxwWoV4xELtfJvjJN+zQVRPISllRWgeopVE=',
        'AllowedIPs = 10.8.0.0/24, 192.168.88.0/24',
        'Endpoint = [2001:db8::1]:13231',
        'PersistentKeepalive = 15',
        '',
      ].join('\n'),
    );
  });

  it('omits keepalive when 0 and the preshared key when empty', () => {
    const text = value(buildClientConfig({ ...base, persistentKeepalive: 0, presharedKey: '  ' }));
    expect(text).not.toContain('PersistentKeepalive');
    expect(text).not.toContain('PresharedKey');
  });

  it('uses LF only, no trailing spaces, exactly one final newline', () => {
    const text = value(buildClientConfig({ ...base, dns: ['1.1.1.1'], mtu: 1280 }));
    expect(text).not.toContain('\r');
    expect(text.split('\n').every((line) => line === line.trimEnd())).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('normalises addresses, keys and endpoint', () => {
    const text = value(
      buildClientConfig({ ...base, privateKey: ` ${base.privateKey}\n`, addresses: ['10.8.0.2'], allowedIps: ['10.8.0.0/24', '10.8.0.0/24'], endpointHost: 'VPN.Example.com' }),
    );
    expect(text).toContain('PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\n');
    expect(text).toContain('Address = 10.8.0.2/32\n');
    expect(text).toContain('AllowedIPs = 10.8.0.0/24\n');
    expect(text).toContain('Endpoint = vpn.example.com:13231\n');
  });

  it('returns the first problem as a message naming the field', () => {
    expect(message(buildClientConfig({ ...base, privateKey: 'short' }))).toBe('Client private key must be exactly 44 characters; got 5. Part of it may be missing or duplicated.');
    expect(message(buildClientConfig({ ...base, serverPublicKey: '' }))).toBe('Router public key is empty. Paste the 44-character WireGuard key.');
    expect(message(buildClientConfig({ ...base, presharedKey: 'x' }))).toContain('Preshared key must be exactly 44 characters');
    expect(message(buildClientConfig({ ...base, addresses: [] }))).toBe('Client address is missing. Allocate one from the interface pool, like 10.8.0.2/32.');
    expect(message(buildClientConfig({ ...base, addresses: ['10.8.0.300'] }))).toContain('Client address "10.8.0.300" is not a valid IPv4 address');
    expect(message(buildClientConfig({ ...base, dns: ['dns.google'] }))).toContain('DNS server "dns.google" is not an IP address');
    expect(message(buildClientConfig({ ...base, mtu: 9000000 }))).toContain('MTU must be a whole number from 1280 to 65535; got 9000000.');
    expect(message(buildClientConfig({ ...base, allowedIps: [] }))).toBe('Allowed IPs is empty. Enter at least one address, like 10.8.0.2/32.');
    expect(message(buildClientConfig({ ...base, allowedIps: ['192.168.1.1/24'] }))).toContain('Allowed IPs "192.168.1.1/24" is not a network address');
    expect(message(buildClientConfig({ ...base, endpointHost: '' }))).toContain('Endpoint host is empty');
    expect(message(buildClientConfig({ ...base, endpointPort: 0 }))).toContain('Endpoint port must be a whole number from 1 to 65535; got 0.');
    expect(message(buildClientConfig({ ...base, persistentKeepalive: 70000 }))).toContain('Keepalive must be a whole number from 0 to 65535; got 70000.');
  });
});

describe('tunnel presets', () => {
  it('full tunnel covers IPv4 and IPv6', () => {
    expect(fullTunnelAllowedIps()).toEqual(['0.0.0.0/0', '::/0']);
    fullTunnelAllowedIps().push('mutated');
    expect(fullTunnelAllowedIps()).toHaveLength(2);
  });

  it('split tunnel: tunnel subnet plus LANs, normalised and deduplicated', () => {
    expect(value(splitTunnelAllowedIps('10.8.0.1/24', ['192.168.88.1/24', '192.168.88.0/24', ' 172.16.5.0/24 ']))).toEqual([
      '10.8.0.0/24',
      '192.168.88.0/24',
      '172.16.5.0/24',
    ]);
  });

  it('split tunnel: contained ranges merge into the wider one', () => {
    expect(value(splitTunnelAllowedIps('10.8.0.1/24', ['10.0.0.0/8', '192.168.1.0/24', '192.168.0.0/16', 'fd00::/64', 'fd00::/48']))).toEqual([
      '10.0.0.0/8',
      '192.168.0.0/16',
      'fd00::/48',
    ]);
  });

  it('split tunnel: no LANs is just the tunnel subnet', () => {
    expect(value(splitTunnelAllowedIps('fd00:8::1/64', []))).toEqual(['fd00:8::/64']);
  });

  it('split tunnel: reports bad input', () => {
    expect(message(splitTunnelAllowedIps('10.8.0/24', []))).toContain('Tunnel subnet "10.8.0" is not a valid IPv4 address');
    expect(message(splitTunnelAllowedIps('10.8.0.1/24', ['192.168.1.0/33']))).toContain('LAN "192.168.1.0/33" has an invalid prefix length');
  });
});
