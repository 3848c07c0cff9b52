// The router's /ip/firewall/filter enforced on the data plane: the rule list is written as one nftables table
// (`ip routeros`) in the router's namespace, rule for rule in the router's order, each with a counter, so that a
// rule placed after a drop really drops a client's handshake and the rule's `packets`/`bytes` move with what it
// matched. RouterOS's filter is netfilter underneath (the manual's "Filter" and "Packet Flow in RouterOS" pages:
// the input chain sees packets to the router, forward packets through it, output packets from it; user chains are
// entered with action=jump and left with action=return), so the translation is close to one to one:
//   - matchers: protocol, src-/dst-address (address, prefix or range), src-/dst-port (list and ranges),
//     in-/out-interface, in-/out-interface-list (members, include and exclude followed; the built-in lists),
//     connection-state and connection-nat-state, each with RouterOS's leading `!` for "not";
//   - actions: accept, drop, reject, tarpit (as drop), jump, return, fasttrack-connection (as accept: fasttracked
//     packets skip the filter), and passthrough, log and the address-list actions (counted, then the next rule).
// A disabled rule, or one with a matcher this translation does not know (ipsec-policy, hotspot, layer7 and the
// rest), is left out: it matches nothing here, and its counters stay as they are.
import type { RouterState } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import { allInterfaces } from '../menus/interface-names.ts';
import { INTERFACE_LISTS, LIST_MEMBERS } from '../menus/interface-lists.ts';
import { parsePrefix } from '../values/ip.ts';

export const FILTER = '/ip/firewall/filter';
export const NFT_TABLE = 'routeros';

/** Fields a rule may carry that say nothing about which packets it matches. */
const NOT_MATCHERS = new Set([
  '.id', 'chain', 'action', 'jump-target', 'reject-with', 'hw-offload', 'log', 'log-prefix', 'bytes', 'packets',
  'invalid', 'dynamic', 'disabled', 'comment', 'place-before',
]);
const HOOKS: Readonly<Record<string, string>> = { input: 'input', forward: 'forward', output: 'output' };
const PROTOCOLS: Readonly<Record<string, string>> = { 'ipsec-esp': 'esp', 'ipsec-ah': 'ah' };
const STATES = new Set(['established', 'related', 'new', 'invalid', 'untracked']);

export interface NftRuleset {
  /** The nft script: replaces the table in one transaction. */
  readonly script: string;
  /** The comment each enforced rule carries in nft -> the simulator's row. */
  readonly rules: ReadonlyMap<string, Row>;
}

/** `!x` -> { negated, value }. */
function negation(value: string): { not: boolean; value: string } {
  return value.startsWith('!') ? { not: true, value: value.slice(1) } : { not: false, value };
}

const quoted = (name: string): string => `"${name.replace(/["\\]/g, '').slice(0, 15)}"`;
const set = (items: readonly string[]): string => (items.length === 1 ? items[0]! : `{ ${items.join(', ')} }`);

/** /ip/firewall is IPv4 only: an address, a prefix or a range of two addresses. */
function addressExpr(value: string): string | null {
  const isAddress = (text: string): boolean => !text.includes('/') && parsePrefix(text)?.family === 4;
  const [from, to, ...rest] = value.split('-');
  if (rest.length > 0) return null;
  if (to !== undefined) return isAddress(from!) && isAddress(to) ? `${from}-${to}` : null;
  return parsePrefix(value)?.family === 4 ? value : null;
}

function portsExpr(value: string): string | null {
  const parts = value.split(',');
  return parts.every((p) => /^\d{1,5}(-\d{1,5})?$/.test(p)) ? set(parts) : null;
}

/** The interface names a list holds: members, then included lists, less excluded ones; null = every interface. */
function listMembers(state: RouterState, list: string, seen = new Set<string>()): Set<string> | null {
  if (list === 'all') return null;
  const interfaces = allInterfaces(state);
  if (list === 'dynamic' || list === 'static') {
    return new Set(interfaces.filter((i) => i.row.dynamic === (list === 'dynamic')).map((i) => i.row.get('name')!));
  }
  const names = new Set<string>();
  if (seen.has(list)) return names;
  seen.add(list);
  for (const member of state.table(LIST_MEMBERS).rows) {
    if (member.get('list') === list && !member.isDisabled()) names.add(member.get('interface')!);
  }
  const row = state.table(INTERFACE_LISTS).findBy('name', list);
  for (const included of (row?.get('include') ?? '').split(',').filter(Boolean)) {
    const more = listMembers(state, included, seen);
    if (more === null) return null;
    for (const name of more) names.add(name);
  }
  for (const excluded of (row?.get('exclude') ?? '').split(',').filter(Boolean)) {
    for (const name of listMembers(state, excluded, seen) ?? interfaces.map((i) => i.row.get('name')!)) names.delete(name);
  }
  return names;
}

/**
 * One matcher as nft words: a string (possibly empty: matches every packet), or null when the rule cannot match
 * anything (a positive match on an empty list) or cannot be translated (then `untranslatable`).
 */
type Matcher = { words: string } | { never: true } | { untranslatable: true };

function matcher(state: RouterState, rule: Row, field: string, raw: string, device: (name: string) => string): Matcher {
  const { not, value } = negation(raw);
  const op = not ? '!= ' : '';
  switch (field) {
    case 'protocol': {
      if (!/^[a-z0-9-]+$/.test(value)) return { untranslatable: true };
      return { words: `meta l4proto ${op}${PROTOCOLS[value] ?? value}` };
    }
    case 'src-address':
    case 'dst-address': {
      const expr = addressExpr(value);
      return expr ? { words: `ip ${field === 'src-address' ? 'saddr' : 'daddr'} ${op}${expr}` } : { untranslatable: true };
    }
    case 'src-port':
    case 'dst-port': {
      const expr = portsExpr(value);
      if (!expr) return { untranslatable: true };
      const protocol = rule.get('protocol');
      const header = protocol === 'udp' || protocol === 'tcp' ? protocol : 'th';
      return { words: `${header} ${field === 'src-port' ? 'sport' : 'dport'} ${op}${expr}` };
    }
    case 'in-interface':
    case 'out-interface':
      return { words: `${field === 'in-interface' ? 'iifname' : 'oifname'} ${op}${quoted(device(value))}` };
    case 'in-interface-list':
    case 'out-interface-list': {
      const members = listMembers(state, value);
      const key = field === 'in-interface-list' ? 'iifname' : 'oifname';
      if (members === null) return not ? { never: true } : { words: '' };
      if (members.size === 0) return not ? { words: '' } : { never: true };
      return { words: `${key} ${op}${set([...members].map((name) => quoted(device(name))))}` };
    }
    case 'connection-state': {
      const states = value.split(',');
      if (!states.every((s) => STATES.has(s))) return { untranslatable: true };
      return { words: `ct state ${op}${set(states)}` };
    }
    case 'connection-nat-state': {
      const flags = value.split(',').map((s) => (s === 'srcnat' ? 'snat' : s === 'dstnat' ? 'dnat' : ''));
      if (flags.some((f) => f === '')) return { untranslatable: true };
      return { words: not ? `ct status & (${flags.join(' | ')}) == 0` : `ct status & (${flags.join(' | ')}) != 0` };
    }
    default:
      return { untranslatable: true };
  }
}

function verdict(rule: Row, chainName: (name: string) => string): string | null {
  switch (rule.get('action') ?? 'accept') {
    case 'accept':
    case 'fasttrack-connection':
      return 'accept';
    case 'drop':
    case 'tarpit':
      return 'drop';
    case 'reject':
      return 'reject';
    case 'return':
      return 'return';
    case 'jump': {
      const target = rule.get('jump-target');
      return target ? `jump ${chainName(target)}` : null;
    }
    case 'passthrough':
    case 'log':
    case 'add-src-to-address-list':
    case 'add-dst-to-address-list':
      return '';
    default:
      return null;
  }
}

/** The filter as an nft table; `device` maps a RouterOS interface name to the namespace's device name. */
export function nftRuleset(state: RouterState, device: (name: string) => string): NftRuleset {
  const rows = state.hasTable(FILTER) ? state.table(FILTER).rows : [];
  const chains = new Map<string, string[]>();
  const chainName = (name: string): string => {
    if (!chains.has(name)) chains.set(name, []);
    return `c${[...chains.keys()].indexOf(name)}`;
  };
  for (const hook of Object.keys(HOOKS)) chainName(hook);
  const rules = new Map<string, Row>();
  for (const rule of rows) {
    const chain = rule.get('chain');
    if (!chain || rule.isDisabled()) continue;
    const end = verdict(rule, chainName);
    if (end === null) continue;
    const words: string[] = [];
    let enforced = true;
    for (const [field, value] of rule.values) {
      if (NOT_MATCHERS.has(field)) continue;
      const m = matcher(state, rule, field, value.toString('utf8'), device);
      if ('untranslatable' in m || 'never' in m) {
        enforced = false;
        break;
      }
      if (m.words) words.push(m.words);
    }
    if (!enforced) continue;
    const tag = `r${rule.id}`;
    rules.set(tag, rule);
    chainName(chain);
    chains.get(chain)!.push([...words, 'counter', end, `comment "${tag}"`].filter(Boolean).join(' '));
  }
  const body = [...chains].map(([name, lines]) => {
    const hook = HOOKS[name];
    const head = hook ? [`    type filter hook ${hook} priority filter; policy accept;`] : [];
    return [`  chain ${chainName(name)} {`, ...head, ...lines.map((l) => `    ${l}`), '  }'].join('\n');
  });
  // Declaring the table first makes the delete succeed on the first load too.
  return { script: [`table ip ${NFT_TABLE}`, `delete table ip ${NFT_TABLE}`, `table ip ${NFT_TABLE} {`, ...body, '}', ''].join('\n'), rules };
}

/** `nft -j list table` -> counters by rule comment. */
export function parseCounters(json: string): Map<string, { packets: number; bytes: number }> {
  const out = new Map<string, { packets: number; bytes: number }>();
  const parsed = JSON.parse(json) as { nftables?: Array<{ rule?: { comment?: string; expr?: Array<{ counter?: { packets: number; bytes: number } }> } }> };
  for (const item of parsed.nftables ?? []) {
    const counter = item.rule?.expr?.find((e) => e.counter)?.counter;
    if (item.rule?.comment && counter) out.set(item.rule.comment, counter);
  }
  return out;
}
