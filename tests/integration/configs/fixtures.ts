// Client configs built by the real domain code, as WireDesk hands them out, with keys derived from a seed so
// every run (and every failure message) shows the same text.
import { createHash } from 'node:crypto';
import { buildClientConfig, fullTunnelAllowedIps, type ClientConfigInput } from '../../../src/domain/client-config.ts';

/** A valid WireGuard key (canonical base64 of 32 bytes), different for every seed. */
export function seededKey(seed: string): string {
  return createHash('sha256').update(seed).digest().toString('base64');
}

function build(input: ClientConfigInput): string {
  const result = buildClientConfig(input);
  if (!result.ok) throw new Error(`fixture config invalid: ${result.message}`);
  return result.value;
}

/** The everyday case: one address, full tunnel, DNS; about 260 bytes. */
export function shortConfig(seed = 'short'): string {
  return build({
    privateKey: seededKey(`${seed}-private`),
    addresses: ['10.8.0.2/32'],
    dns: ['10.8.0.1'],
    serverPublicKey: seededKey('router-public'),
    allowedIps: fullTunnelAllowedIps(),
    endpointHost: 'vpn.example.com',
    endpointPort: 13231,
  });
}

/** The densest realistic case: dual stack, preshared key, twelve allowed ranges, four DNS servers, MTU; ~600 bytes. */
export function longConfig(seed = 'long'): string {
  return build({
    privateKey: seededKey(`${seed}-private`),
    addresses: ['10.8.0.2/32', 'fd00:8:0:1::2/128'],
    dns: ['10.8.0.1', '192.168.88.1', 'fd00:8:0:1::1', '2001:4860:4860::8888'],
    mtu: 1380,
    serverPublicKey: seededKey('router-public'),
    presharedKey: seededKey(`${seed}-psk`),
    allowedIps: [
      '10.8.0.0/24', '192.168.88.0/24', '192.168.10.0/24', '192.168.20.0/24', '172.16.0.0/16', '172.20.10.0/24',
      'fd00:8:0:1::/64', 'fd00:88::/48', '2001:db8:1234::/48', '2001:db8:abcd:12::/64', '0.0.0.0/0', '::/0',
    ],
    endpointHost: 'gateway-01.istanbul-branch-office.example-holding.com.tr',
    endpointPort: 51820,
  });
}

/**
 * Domain configs are ASCII (hosts must be punycode, there is no name comment), but a file a technician
 * edits may carry one; this proves non-ASCII bytes survive too: Turkish letters in a comment line.
 */
export function turkishCommentConfig(): string {
  return `# Ayşe'nin Telefonu · Iğdır şubesi (İ ı Ğ ğ Ş ş Ç ç Ö ö Ü ü)\n${shortConfig('turkish')}`;
}
