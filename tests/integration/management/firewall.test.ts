// Which input rule decides for a new UDP packet to the WireGuard port: the first one that applies, as on the
// router. Rules narrowed to some senders, or accepts limited to an interface, cannot be assumed to let the
// internet in.
import { describe, expect, it } from 'vitest';
import { blockingRule } from '../../../main/services/management/firewall.ts';
import type { Row } from '../../../main/routeros/rows.ts';

const established = { chain: 'input', action: 'accept', 'connection-state': 'established,related,untracked', comment: 'defconf: accept established' };
const loopback = { chain: 'input', action: 'accept', 'dst-address': '127.0.0.1', comment: 'defconf: accept to local loopback' };
const dropWan = { chain: 'input', action: 'drop', 'in-interface-list': '!LAN', comment: 'defconf: drop all not coming from LAN' };

describe('firewall check', () => {
  it('finds the drop rule when nothing before it accepts the port', () => {
    expect(blockingRule([established, loopback, dropWan], 13231)).toBe('"defconf: drop all not coming from LAN"');
  });

  it('accepts a UDP rule for the port, a range or a list, placed before the drop', () => {
    for (const ports of ['13231', '13000-14000', '500,13231,4500']) {
      expect(blockingRule([established, { chain: 'input', action: 'accept', protocol: 'udp', 'dst-port': ports }, dropWan], 13231)).toBeNull();
    }
  });

  it('ignores rules for other ports, other protocols, disabled rules and LAN-only accepts', () => {
    const rules: Row[] = [
      { chain: 'input', action: 'accept', protocol: 'udp', 'dst-port': '13232' },
      { chain: 'input', action: 'accept', protocol: 'tcp', 'dst-port': '13231' },
      { chain: 'input', action: 'accept', protocol: 'udp', 'dst-port': '13231', disabled: 'true' },
      { chain: 'input', action: 'accept', 'in-interface-list': 'LAN' },
      dropWan,
    ];
    expect(blockingRule(rules, 13231)).toBe('"defconf: drop all not coming from LAN"');
  });

  it('treats a firewall without a drop rule as open', () => {
    expect(blockingRule([established], 13231)).toBeNull();
  });
});
