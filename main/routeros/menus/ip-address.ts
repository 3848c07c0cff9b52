// /ip/address and /ipv6/address: the WireGuard server subnet is the address configured on the wg interface.
// Both print the same fields WireDesk reads (address, interface, disabled, dynamic, invalid, comment); each
// family lives in its own menu, and an address is written to the menu of its family.
import type { CommandOptions } from '../client.ts';
import type { Row } from '../rows.ts';
import type { ParamValue } from '../text.ts';
import { bool, id, legacy, text, type LegacyText, type MenuClient } from './values.ts';

export const IP_ADDRESS_PATH = '/ip/address';
export const IPV6_ADDRESS_PATH = '/ipv6/address';

/** The menu an address is written to: `fd00::1/64` goes to /ipv6/address. */
export function addressPath(address: string): string {
  return address.includes(':') ? IPV6_ADDRESS_PATH : IP_ADDRESS_PATH;
}

export interface IpAddressEntry {
  id: string;
  /** CIDR as configured, e.g. `10.8.0.1/24`. */
  address: string;
  network: string;
  interface: string;
  actualInterface: string;
  invalid: boolean;
  dynamic: boolean;
  disabled: boolean;
  comment: string;
  legacy: LegacyText;
}

export function toIpAddress(row: Row): IpAddressEntry {
  return {
    id: id(row),
    address: text(row, 'address'),
    network: text(row, 'network'),
    interface: text(row, 'interface'),
    actualInterface: text(row, 'actual-interface'),
    invalid: bool(row, 'invalid'),
    dynamic: bool(row, 'dynamic'),
    disabled: bool(row, 'disabled'),
    comment: text(row, 'comment'),
    legacy: legacy(row),
  };
}

export async function listIpAddresses(
  client: MenuClient,
  options: CommandOptions & { interface?: string } = {},
): Promise<IpAddressEntry[]> {
  const query = options.interface === undefined ? undefined : [`interface=${options.interface}`];
  return (await client.print(IP_ADDRESS_PATH, { ...options, query })).map(toIpAddress);
}

export function addIpAddress(
  client: MenuClient,
  input: { address: string; interface: string; comment?: ParamValue; disabled?: boolean },
): Promise<string> {
  return client.add(IP_ADDRESS_PATH, {
    address: input.address,
    interface: input.interface,
    comment: input.comment,
    disabled: input.disabled,
  });
}

export function removeIpAddress(client: MenuClient, addressId: string): Promise<void> {
  return client.remove(IP_ADDRESS_PATH, addressId);
}
