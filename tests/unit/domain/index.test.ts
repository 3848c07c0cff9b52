import { describe, expect, it } from 'vitest';
import * as domain from '../../../src/domain/index.ts';

describe('domain index', () => {
  it('exposes the public API from one place', () => {
    const functions = [
      'generateKeyPair', 'publicKeyFromPrivate', 'generatePresharedKey', 'parseWireGuardKey',
      'parseCidr', 'normaliseAllowedAddressList', 'findOverlaps', 'findPeerOverlaps', 'findConflicts',
      'allocateAddress', 'poolUsage', 'parseDuration', 'formatRouterOsDuration', 'formatAge',
      'parseRouterOsVersion', 'compareVersions', 'peerFeatures', 'supportsWireGuard',
      'buildClientConfig', 'configFileName', 'fullTunnelAllowedIps', 'splitTunnelAllowedIps',
      'parseEndpoint', 'parseEndpointHost', 'isPrivateOrLocalAddress',
      'validateInterfaceName', 'validatePeerName', 'validateComment', 'validateListenPort', 'validateMtu',
      'validateKeepalive', 'validateDnsServers', 'validateAllowedAddress',
      'peerStatus', 'counterDelta', 'rate', 'parseCounter', 'parsePeerImportCsv', 'toCsv',
      'formatBytes', 'formatRate', 'formatDuration',
    ] as const;
    for (const name of functions) expect(typeof domain[name], name).toBe('function');
  });

  it('works end to end: new peer, address, config file', () => {
    const pair = domain.generateKeyPair();
    const address = domain.allocateAddress({ interfaceAddress: '10.8.0.1/24', taken: ['10.8.0.2/32'] });
    expect(address).toEqual({ ok: true, value: '10.8.0.3/32' });
    if (!address.ok) return;
    const config = domain.buildClientConfig({
      privateKey: pair.privateKey,
      addresses: [address.value],
      dns: ['10.8.0.1'],
      serverPublicKey: domain.generateKeyPair().publicKey,
      allowedIps: domain.fullTunnelAllowedIps(),
      endpointHost: 'vpn.example.com',
      endpointPort: 13231,
    });
    expect(config.ok && config.value).toContain('Address = 10.8.0.3/32\nDNS = 10.8.0.1\n');
    expect(domain.configFileName('Saha Tablet 3')).toBe('Saha-Tablet-3.conf');
  });
});
