// Seeded WireGuard setup: interfaces with their server address and peers with realistic names, keys, allowed
// addresses and traffic history. Everything comes from the seeded generator, so a seed always gives the same router.
import iconv from 'iconv-lite';
import type { RouterState } from '../state/router-state.ts';
import type { Rng } from '../rng.ts';
import type { PeerHistory, PeerProfile } from '../traffic/model.ts';
import { atLeast } from '../version.ts';
import { keyPairFromBytes } from '../keys.ts';
import { numberToIpv4, ipv4ToNumber } from '../values/ip.ts';
import { BRANCHES, COMMENTS, CP1251_COMMENT, DEVICES, IOT, PEOPLE } from './names.ts';

interface InterfacePlan {
  name: string;
  /** First host address (the router's), e.g. 10.10.0.1. */
  base: string;
  port: number;
  peers: number;
}

const TEMPLATES = [
  { name: 'wg-office', base: '10.10.0.1' },
  { name: 'wg-clients', base: '10.20.0.1' },
  { name: 'wg-site', base: '10.30.0.1' },
  { name: 'wg-iot', base: '10.40.0.1' },
];

/** Splits the peers over interfaces: one small office interface, the bulk on a larger /16 one. */
export function planInterfaces(peers: number, interfaces: number | undefined): InterfacePlan[] {
  const count = interfaces ?? (peers > 200 ? 2 : peers > 0 ? 1 : 0);
  const plans: InterfacePlan[] = [];
  for (let i = 0; i < count; i++) {
    const template = TEMPLATES[i] ?? { name: `wg${i + 1}`, base: `10.${50 + i}.0.1` };
    plans.push({ ...template, port: 13231 + i, peers: 0 });
  }
  if (plans.length === 0) return plans;
  if (interfaces === undefined && plans.length === 2) {
    plans[0]!.peers = Math.min(peers, 60);
    plans[1]!.peers = peers - plans[0]!.peers;
  } else {
    plans.forEach((plan, i) => (plan.peers = Math.floor(peers / plans.length) + (i < peers % plans.length ? 1 : 0)));
  }
  return plans;
}

type Kind = 'laptop' | 'phone' | 'site' | 'iot';

function profileFor(kind: Kind, rng: Rng, endpointAddress: string): PeerProfile {
  const port = kind === 'site' ? 13231 : rng.int(1024, 65000);
  const spec = {
    site: { rx: [20_000, 400_000], drop: 0.002, ret: 0.3 },
    laptop: { rx: [2_000, 60_000], drop: 0.01, ret: 0.03 },
    phone: { rx: [500, 20_000], drop: 0.03, ret: 0.05 },
    iot: { rx: [50, 500], drop: 0.001, ret: 0.2 },
  }[kind];
  const rxRate = rng.between(spec.rx[0]!, spec.rx[1]!);
  return {
    rxRate,
    txRate: rxRate * rng.between(kind === 'iot' ? 0.3 : 1.5, kind === 'iot' ? 0.8 : 6),
    dropChance: spec.drop,
    returnChance: spec.ret,
    endpoint: { address: endpointAddress, port },
    natted: kind === 'phone' || kind === 'laptop',
  };
}

function historyFor(profile: PeerProfile, rng: Rng, disabled: boolean, uptimeSeconds: number): PeerHistory {
  if (!disabled && rng.chance(0.08)) return { rx: 0, tx: 0, online: false, handshakeAgeSeconds: null };
  const online = !disabled && rng.chance(profile.returnChance / (profile.returnChance + profile.dropChance));
  const activeSeconds = rng.between(0.005, 0.12) * uptimeSeconds;
  return {
    rx: Math.floor(profile.rxRate * activeSeconds),
    tx: Math.floor(profile.txRate * activeSeconds),
    online,
    handshakeAgeSeconds: online ? rng.int(0, 119) : rng.int(300, 14 * 86400),
  };
}

function hostAddress(base: string, index: number): string {
  return numberToIpv4(ipv4ToNumber(base) + 1 + index);
}

function documentationAddress(rng: Rng): string {
  return `${rng.pick(['192.0.2', '198.51.100', '203.0.113'])}.${rng.int(1, 254)}`;
}

function uniqueName(base: string, used: Map<string, number>): string {
  const n = (used.get(base) ?? 0) + 1;
  used.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}

function seedPeers(state: RouterState, rng: Rng, plan: InterfacePlan, usedNames: Map<string, number>, firstGlobal: number): void {
  const hasName = atLeast(state.version, '7.15');
  const hasClient = atLeast(state.version, '7.12');
  const disabledEvery = Math.max(20, Math.floor(plan.peers / Math.max(2, Math.floor(plan.peers / 100))));
  for (let i = 0; i < plan.peers; i++) {
    const global = firstGlobal + i;
    const kind: Kind = plan.name === 'wg-site' || (i % 11 === 4) ? 'site' : plan.name === 'wg-iot' || i % 13 === 7 ? 'iot' : rng.chance(0.45) ? 'phone' : 'laptop';
    const address = hostAddress(plan.base, i + 1);
    const name = uniqueName(
      kind === 'site' ? rng.pick(BRANCHES) : kind === 'iot' ? rng.pick(IOT) : `${rng.pick(PEOPLE)}-${rng.pick(DEVICES)}`,
      usedNames,
    );
    const endpoint = documentationAddress(rng);
    const device = keyPairFromBytes(rng.bytes(32));
    const attrs: Record<string, string | Buffer> = {
      interface: plan.name,
      'public-key': device.publicKey.toString('base64'),
      'allowed-address': kind === 'site' ? `${address}/32,192.168.${100 + (global % 150)}.0/24` : `${address}/32`,
      'persistent-keepalive': '25s',
    };
    if (kind === 'site') Object.assign(attrs, { 'endpoint-address': endpoint, 'endpoint-port': '13231' });
    if (rng.chance(0.2)) attrs['preshared-key'] = rng.bytes(32).toString('base64');
    if (hasName) attrs.name = name;
    const comment = hasName ? (rng.chance(0.3) ? rng.pick(COMMENTS) : undefined) : name;
    if (comment !== undefined) attrs.comment = comment;
    if (global === 3) attrs.comment = iconv.encode(CP1251_COMMENT, 'win1251');
    if (hasClient && kind !== 'site') attrs['client-address'] = `${address}/32`;
    const disabled = i % disabledEvery === disabledEvery - 1 || (plan.peers >= 4 && i === 2 && firstGlobal === 0);
    if (disabled) attrs.disabled = 'true';
    const row = state.add('/interface/wireguard/peers', attrs);
    if (kind !== 'site') state.clientKeys.set(device.publicKey.toString('base64'), device.privateKey.toString('base64'));
    const profile = profileFor(kind, rng, endpoint);
    state.traffic.seedPeer(row.id, profile, historyFor(profile, rng, disabled, state.uptimeSeconds()), state.modelNow());
  }
}

/** Back To Home (7.12+): a dynamic interface with one dynamic peer, both read-only over the API. */
function seedBackToHome(state: RouterState, rng: Rng): void {
  const keys = keyPairFromBytes(rng.bytes(32));
  state.add('/interface/wireguard', {
    name: 'back-to-home-vpn', 'listen-port': String(rng.int(40000, 60000)), 'private-key': keys.privateKey.toString('base64'),
  }, { dynamic: true });
  state.add('/ip/address', { address: '192.168.216.1/24', interface: 'back-to-home-vpn' }, { dynamic: true });
  const attrs: Record<string, string> = {
    interface: 'back-to-home-vpn',
    'public-key': keyPairFromBytes(rng.bytes(32)).publicKey.toString('base64'),
    'allowed-address': '192.168.216.2/32',
    'persistent-keepalive': '25s',
    comment: 'back-to-home-vpn',
  };
  if (atLeast(state.version, '7.15')) attrs.name = 'bth-phone';
  const peer = state.add('/interface/wireguard/peers', attrs, { dynamic: true });
  const profile = profileFor('phone', rng, documentationAddress(rng));
  state.traffic.seedPeer(peer.id, profile, { rx: 48_213_771, tx: 912_004_118, online: true, handshakeAgeSeconds: 41 }, state.modelNow());
  state.set('/ip/cloud', '', { 'back-to-home-vpn': 'enabled' });
}

export function seedWireguard(state: RouterState, rng: Rng, plans: readonly InterfacePlan[]): void {
  const usedNames = new Map<string, number>();
  let global = 0;
  for (const plan of plans) {
    const keys = keyPairFromBytes(rng.bytes(32));
    state.add('/interface/wireguard', { name: plan.name, 'listen-port': String(plan.port), 'private-key': keys.privateKey.toString('base64') });
    const length = plan.peers > 250 ? 16 : 24;
    state.add('/ip/address', { address: `${plan.base}/${length}`, interface: plan.name, comment: 'WireGuard' });
    seedPeers(state, rng, plan, usedNames, global);
    global += plan.peers;
  }
  if (global > 0 && atLeast(state.version, '7.12')) seedBackToHome(state, rng);
}
