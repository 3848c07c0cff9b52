// /ip/firewall/filter: the app checks (and can add) the input rule that lets WireGuard's UDP port in.
import type { CommandOptions } from '../client.ts';
import type { Row } from '../rows.ts';
import type { ParamValue } from '../text.ts';
import { bool, bytes, id, legacy, optionalText, text, type LegacyText, type MenuClient } from './values.ts';

export const FILTER_PATH = '/ip/firewall/filter';

export interface FirewallFilterRule {
  id: string;
  chain: string;
  action: string;
  protocol: string | undefined;
  dstPort: string | undefined;
  srcAddress: string | undefined;
  inInterface: string | undefined;
  inInterfaceList: string | undefined;
  comment: string;
  disabled: boolean;
  dynamic: boolean;
  invalid: boolean;
  bytes: bigint;
  packets: bigint;
  legacy: LegacyText;
}

export function toFirewallFilterRule(row: Row): FirewallFilterRule {
  return {
    id: id(row),
    chain: text(row, 'chain'),
    action: text(row, 'action'),
    protocol: optionalText(row, 'protocol'),
    dstPort: optionalText(row, 'dst-port'),
    srcAddress: optionalText(row, 'src-address'),
    inInterface: optionalText(row, 'in-interface'),
    inInterfaceList: optionalText(row, 'in-interface-list'),
    comment: text(row, 'comment'),
    disabled: bool(row, 'disabled'),
    dynamic: bool(row, 'dynamic'),
    invalid: bool(row, 'invalid'),
    bytes: bytes(row, 'bytes'),
    packets: bytes(row, 'packets'),
    legacy: legacy(row),
  };
}

export async function listFilterRules(
  client: MenuClient,
  options: CommandOptions & { chain?: string } = {},
): Promise<FirewallFilterRule[]> {
  const query = options.chain === undefined ? undefined : [`chain=${options.chain}`];
  return (await client.print(FILTER_PATH, { ...options, query })).map(toFirewallFilterRule);
}

export interface FilterRuleInput {
  chain: string;
  action: string;
  protocol?: string;
  dstPort?: string;
  srcAddress?: string;
  inInterface?: string;
  comment?: ParamValue;
  disabled?: boolean;
  /** Rule order matters: insert before this rule id instead of at the end (where a drop-all may sit). */
  placeBefore?: string;
}

export function addFilterRule(client: MenuClient, input: FilterRuleInput): Promise<string> {
  return client.add(FILTER_PATH, {
    chain: input.chain,
    action: input.action,
    protocol: input.protocol,
    'dst-port': input.dstPort,
    'src-address': input.srcAddress,
    'in-interface': input.inInterface,
    comment: input.comment,
    disabled: input.disabled,
    'place-before': input.placeBefore,
  });
}
