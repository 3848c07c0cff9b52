// Interface settings checked before the router sees them: the tunnel address must be a host address in a
// real subnet that does not overlap the router's other networks; names and listen ports must be free among
// the router's WireGuard interfaces (each needs its own UDP port).
import { formatHostCidr, formatIp, parseCidr, rangesOverlap } from '../../../src/domain/index.ts';
import type { RouterWireGuard } from './router-read.ts';
import { invalid, valid } from './validate.ts';

export function interfaceAddress(text: string): string {
  const cidr = valid(parseCidr(text, { allowHostBits: true, label: 'Interface address' }), 'address');
  const bits = cidr.family === 4 ? 32 : 128;
  const host = (offset: bigint) => `${formatIp(cidr.family, cidr.first + offset)}/${cidr.prefix}`;
  if (cidr.prefix === bits) {
    throw invalid('address', `${text} is a single address, so peers would get no subnet: write it with the subnet's prefix, like ${formatIp(cidr.family, cidr.address)}/${cidr.family === 4 ? 24 : 64}.`);
  }
  if (cidr.prefix < bits - 1 && cidr.address === cidr.first) {
    throw invalid('address', `${text} is the subnet's network address; the router needs a host address in it, like ${host(1n)}.`);
  }
  if (cidr.family === 4 && cidr.prefix < 31 && cidr.address === cidr.last) {
    throw invalid('address', `${text} is the subnet's broadcast address; use a host address such as ${host(1n)}.`);
  }
  return formatHostCidr(cidr);
}

export function checkAddressFree(state: RouterWireGuard, address: string, iface: string): void {
  const mine = parseCidr(address, { allowHostBits: true });
  if (!mine.ok) return;
  for (const entry of state.addresses) {
    if (entry.disabled) continue;
    const other = parseCidr(entry.address, { allowHostBits: true });
    if (other.ok && rangesOverlap(mine.value, other.value)) {
      const where = entry.interface === iface ? 'this interface already has it' : `it is on ${entry.interface}`;
      throw invalid('address', `${address} overlaps ${entry.address} (${where}): a tunnel subnet must not overlap the router's other networks. Pick another, for example 10.20.0.1/24.`);
    }
  }
}

export function checkNameAndPort(state: RouterWireGuard, change: { name?: string; listenPort?: number }, selfId?: string): void {
  const others = state.interfaces.filter((i) => i.id !== selfId);
  if (change.name !== undefined) {
    const clash = others.find((i) => i.name === change.name);
    if (clash) throw invalid('name', `There is already a WireGuard interface named ${clash.name}; choose another name.`);
  }
  if (change.listenPort !== undefined) {
    const clash = others.find((i) => i.listenPort === change.listenPort);
    if (clash) throw invalid('listenPort', `Listen port ${change.listenPort} is already used by ${clash.name}; each WireGuard interface needs its own port.`);
  }
}
