// /interface/wireguard: the router's WireGuard interfaces (servers).
import { peerFeatures, type RouterOsVersion } from '../../../src/domain/routeros-version.ts';
import type { CommandOptions, Params } from '../client.ts';
import type { Row } from '../rows.ts';
import type { ParamValue } from '../text.ts';
import { bool, id, int, legacy, optionalText, text, type LegacyText, type MenuClient } from './values.ts';

export const WIREGUARD_PATH = '/interface/wireguard';

export interface WireGuardInterface {
  id: string;
  name: string;
  mtu: number;
  listenPort: number;
  privateKey: string;
  publicKey: string;
  running: boolean;
  disabled: boolean;
  comment: string;
  /** 7.21+. */
  vrf: string | undefined;
  legacy: LegacyText;
}

export function toWireGuardInterface(row: Row): WireGuardInterface {
  return {
    id: id(row),
    name: text(row, 'name'),
    mtu: int(row, 'mtu', 1420),
    listenPort: int(row, 'listen-port', 13231),
    privateKey: text(row, 'private-key'),
    publicKey: text(row, 'public-key'),
    running: bool(row, 'running'),
    disabled: bool(row, 'disabled'),
    comment: text(row, 'comment'),
    vrf: optionalText(row, 'vrf'),
    legacy: legacy(row),
  };
}

export async function listWireGuardInterfaces(client: MenuClient, options?: CommandOptions): Promise<WireGuardInterface[]> {
  return (await client.print(WIREGUARD_PATH, options)).map(toWireGuardInterface);
}

export interface WireGuardInterfaceInput {
  name?: ParamValue;
  mtu?: number;
  listenPort?: number;
  /** Omit to let the router generate one. */
  privateKey?: string;
  comment?: ParamValue;
  disabled?: boolean;
  vrf?: string;
}

export function wireGuardInterfaceParams(input: WireGuardInterfaceInput, version: RouterOsVersion): Params {
  if (input.vrf !== undefined && !peerFeatures(version).vrf) {
    throw new RangeError(`RouterOS ${version.text} has no WireGuard vrf setting (needs 7.21)`);
  }
  return {
    name: input.name,
    mtu: input.mtu,
    'listen-port': input.listenPort,
    'private-key': input.privateKey,
    comment: input.comment,
    disabled: input.disabled,
    vrf: input.vrf,
  };
}

export function addWireGuardInterface(
  client: MenuClient,
  input: WireGuardInterfaceInput,
  version: RouterOsVersion,
): Promise<string> {
  return client.add(WIREGUARD_PATH, wireGuardInterfaceParams(input, version));
}

export function setWireGuardInterface(
  client: MenuClient,
  interfaceId: string,
  input: WireGuardInterfaceInput,
  version: RouterOsVersion,
): Promise<void> {
  return client.set(WIREGUARD_PATH, interfaceId, wireGuardInterfaceParams(input, version));
}

export function removeWireGuardInterface(client: MenuClient, interfaceId: string): Promise<void> {
  return client.remove(WIREGUARD_PATH, interfaceId);
}
