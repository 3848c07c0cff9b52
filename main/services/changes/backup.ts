// A router's WireGuard scope as it stood before a change, from the router model: WireGuard interfaces,
// their peers, the IP addresses on those interfaces, the static routes through them (site-to-site), and the input-chain firewall rules that mention a
// WireGuard port or interface. Kept twice: as items with fields (for diffs and restores) and as a `.rsc`
// script in RouterOS console syntax a technician can read or paste. No private or preshared key is in
// either: the model never holds them, and this file says so in its header.
import type { Row } from '../../routeros/rows.ts';
import type { RouterState } from '../router-model/index.ts';
import { quoteValue } from './cli.ts';
import { peerConfigFields } from './fields.ts';
import { printValue, type ItemFields } from './plan.ts';

export interface ScopeSnapshot {
  readonly interfaces: readonly ItemFields[];
  readonly peers: readonly ItemFields[];
  readonly addresses: readonly ItemFields[];
  readonly firewall: readonly ItemFields[];
  /** Static routes through these interfaces (site-to-site). Absent in backups taken before routes were kept. */
  readonly routes?: readonly ItemFields[];
}

/** Fields a firewall print shows that are counters or router-made marks, not configuration. */
const FIREWALL_STATE = new Set(['.id', '.nextid', 'bytes', 'packets', 'invalid', 'dynamic']);

export function snapshotScope(state: RouterState, responderParam: string | null): ScopeSnapshot {
  const wg = state.interfaces.filter((i) => !i.dynamic);
  const names = new Set(wg.map((i) => i.name));
  const ports = new Set(wg.map((i) => String(i.listenPort)));
  const interfaces = wg.map((i): ItemFields => {
    const f: Record<string, string> = { name: i.name, 'listen-port': String(i.listenPort), mtu: String(i.mtu) };
    if (i.comment) f['comment'] = i.comment;
    if (i.disabled) f['disabled'] = 'yes';
    return f;
  });
  const peers = state.peers
    .filter((p) => !p.dynamic && names.has(p.interface))
    .map((p) => Object.fromEntries(peerConfigFields(p, responderParam).map(([k, v]) => [k, printValue(v)])));
  const addresses = state.addresses
    .filter((a) => names.has(a.interface) && !a.dynamic)
    .map((a): ItemFields => ({ address: a.address, interface: a.interface, ...(a.comment ? { comment: a.comment } : {}), ...(a.disabled ? { disabled: 'yes' } : {}) }));
  const firewall = state.firewall.filter((r) => mentionsWireGuard(r, names, ports)).map(firewallFields);
  const routes = state.parts.routes.known ? state.routes.filter((r) => routeInterfaces(r).some((n) => names.has(n))).map(routeFields) : undefined;
  return { interfaces, peers, addresses, firewall, ...(routes ? { routes } : {}) };
}

/** The interfaces a route's gateway names: `wg-site`, or `10.9.0.1%wg-site`. */
export function routeInterfaces(route: Readonly<Record<string, string | undefined>>): string[] {
  return (route['gateway'] ?? '').split(',').map((g) => (g.includes('%') ? g.slice(g.indexOf('%') + 1) : g));
}

function routeFields(r: Row): ItemFields {
  const f: Record<string, string> = { 'dst-address': r['dst-address'] ?? '', gateway: r['gateway'] ?? '' };
  if (r['distance'] && r['distance'] !== '1') f['distance'] = r['distance'];
  if (r['routing-table'] && r['routing-table'] !== 'main') f['routing-table'] = r['routing-table'];
  if (r['comment']) f['comment'] = r['comment'];
  if (r['disabled'] === 'true' || r['disabled'] === 'yes') f['disabled'] = 'yes';
  return f;
}

function mentionsWireGuard(rule: Row, names: ReadonlySet<string>, ports: ReadonlySet<string>): boolean {
  if (rule['dynamic'] === 'true') return false;
  const iface = rule['in-interface'];
  if (iface && names.has(iface.replace(/^!/, ''))) return true;
  const dst = rule['dst-port'];
  return !!dst && dst.split(',').some((p) => ports.has(p.trim()));
}

export function firewallFields(rule: Row): ItemFields {
  return Object.fromEntries(Object.entries(rule).filter(([k]) => !FIREWALL_STATE.has(k) && rule[k] !== ''));
}

function addLine(fields: ItemFields): string {
  return `add ${Object.entries(fields).map(([k, v]) => `${k}=${quoteValue(v)}`).join(' ')}`;
}

export interface BackupHeader {
  readonly routerName: string;
  readonly version: string | null;
  readonly takenAt: number;
  readonly before: string;
}

export function toRsc(snapshot: ScopeSnapshot, header: BackupHeader): string {
  const lines = [
    `# WireDesk backup of router "${header.routerName}"${header.version ? ` (RouterOS ${header.version})` : ''}, ${new Date(header.takenAt).toISOString().replace('T', ' ').slice(0, 19)} UTC`,
    `# Taken before: ${header.before}`,
    '# Scope: WireGuard interfaces, their peers and IP addresses, static routes through them, and input firewall rules that mention them.',
    '# No private or preshared key is in this file: an interface re-created from it gets a new key pair.',
  ];
  const section = (path: string, items: readonly ItemFields[], comment?: string): void => {
    if (items.length === 0) return;
    lines.push(path);
    if (comment) lines.push(comment);
    for (const item of items) lines.push(addLine(item));
  };
  section('/interface wireguard', snapshot.interfaces);
  section('/interface wireguard peers', snapshot.peers);
  section('/ip address', snapshot.addresses.filter((a) => !(a['address'] ?? '').includes(':')));
  section('/ipv6 address', snapshot.addresses.filter((a) => (a['address'] ?? '').includes(':')));
  section('/ip route', snapshot.routes ?? []);
  section('/ip firewall filter', snapshot.firewall, '# In their order in the input chain; `add` puts them at its end, so place them again before any drop rule.');
  return `${lines.join('\n')}\n`;
}
