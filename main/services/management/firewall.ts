// Does the router's input chain let WireGuard's UDP port in? Rules are walked in order as the router does:
// the first rule that would take a new UDP packet to the port decides. Only a warning: the technician may
// have a reason (a port forward, a rule we cannot read such as an address list).
import type { Row } from '../../routeros/rows.ts';

function ports(spec: string): Array<[number, number]> {
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map((p) => Number(p.trim()));
    if (a === undefined || !Number.isInteger(a)) return [];
    return [[a, b !== undefined && Number.isInteger(b) ? b : a] as [number, number]];
  });
}

// Matchers that narrow a rule to some senders or packets: such a rule cannot be assumed to decide for a
// client somewhere on the internet, whichever way it points.
const NARROWING = [
  'src-address', 'dst-address', 'src-address-list', 'dst-address-list', 'src-port', 'src-address-type', 'dst-address-type',
  'ipsec-policy', 'connection-nat-state', 'connection-mark', 'packet-mark', 'limit', 'dst-limit', 'nth', 'time', 'content',
  'layer7-protocol', 'psd', 'src-mac-address', 'ttl',
];
// An accept limited to some interfaces (often "LAN") does not let the internet in; a drop limited to
// "!LAN" is exactly how the default firewall shuts the internet out, so it counts.
const INTERFACE = ['in-interface', 'in-interface-list'];

const has = (rule: Row, keys: readonly string[]): boolean => keys.some((k) => rule[k] !== undefined && rule[k] !== '');

/** Would this rule see a new UDP packet to `port`? Rules bound to states other than new never do. */
function applies(rule: Row, port: number): boolean {
  if (has(rule, NARROWING)) return false;
  if (rule['disabled'] === 'true' || rule['disabled'] === 'yes') return false;
  const protocol = rule['protocol'];
  if (protocol && protocol !== 'udp' && protocol !== '17') return false;
  const dst = rule['dst-port'];
  if (dst && !ports(dst).some(([a, b]) => a <= port && port <= b)) return false;
  const state = rule['connection-state'];
  if (state && !state.split(',').includes('new')) return false;
  return true;
}

/** The input rule that decides for a new UDP packet to the port from the internet; null when none does (the chain lets it in). */
function decidingRule(rules: readonly Row[], port: number): { rule: Row; accepts: boolean } | null {
  for (const rule of rules) {
    if (rule['chain'] !== 'input' || !applies(rule, port)) continue;
    const action = rule['action'];
    if (action === 'accept' && !has(rule, INTERFACE)) return { rule, accepts: true };
    if (action === 'drop' || action === 'reject' || action === 'tarpit') return { rule, accepts: false };
  }
  return null;
}

/** The input rule that drops new UDP packets to the port, or null when the port gets in. */
export function blockingRuleRow(rules: readonly Row[], port: number): Row | null {
  const decided = decidingRule(rules, port);
  return decided && !decided.accepts ? decided.rule : null;
}

/** The input rule that lets new UDP packets to the port in (its counters say whether any arrive), or null. */
export function acceptingRuleRow(rules: readonly Row[], port: number): Row | null {
  const decided = decidingRule(rules, port);
  return decided?.accepts ? decided.rule : null;
}

/** A rule as a parameter names it (the words around it are the renderer's): its comment, or its action and id (`drop *7`). */
export function ruleName(rule: Row): string {
  return rule['comment'] || `${rule['action'] ?? ''} ${rule['.id'] ?? ''}`.trim();
}

/** A rule as a message names it: its comment in quotes, or its action and id. */
export function describeRule(rule: Row): string {
  return rule['comment'] ? `"${rule['comment']}"` : `${rule['action']} rule ${rule['.id'] ?? ''}`.trim();
}

/** The rule (comment or description) that drops the port, or null when the port gets in. */
export function blockingRule(rules: readonly Row[], port: number): string | null {
  const rule = blockingRuleRow(rules, port);
  return rule ? describeRule(rule) : null;
}
