// The connection doctor as a service: reads the live model (never the router itself: the counters of the
// firewall, IP Cloud and the clock are not followed between reads, so the model reads them again first),
// what WireDesk keeps of the peer's keys, and what the clients' endpoint name resolves to; then ranks the causes.
import type { InvokeOutput, InvokeParsedInput } from '../../../src/contract/index.ts';
import { parseIp } from '../../../src/domain/index.ts';
import type { ManagementDeps } from '../management/deps.ts';
import { acceptingRuleRow } from '../management/firewall.ts';
import { suggestEndpoint } from '../configs/endpoint-suggest.ts';
import { peerById } from '../management/router-read.ts';
import type { ModelPeer, RouterState } from '../router-model/index.ts';
import { diagnose, type DiagnoseOptions } from './diagnose.ts';
import type { SeriesRef, TimeRange } from '../../monitoring/types.ts';
import type { ResolveHost } from './resolve.ts';

export type RecentTraffic = (ref: SeriesRef, range: TimeRange) => { rx: number; tx: number; coveredMs: number };

export interface DoctorDeps extends Pick<ManagementDeps, 'sessions' | 'models' | 'settings' | 'endpoints' | 'keys' | 'auditLog' | 'now'> {
  readonly resolveHost: ResolveHost;
  readonly recentTraffic: RecentTraffic;
}

/** How far back the doctor looks at a peer's traffic, and how much of it the polls must have seen. */
const RECENT_MS = 10 * 60_000;
const RECENT_COVERED_MS = 3 * 60_000;

export class PeerDoctor {
  readonly #d: DoctorDeps;
  /** Per router and accept rule, its packet count and since when it has shown that count (this session). */
  readonly #counters = new Map<string, { packets: number; since: number }>();

  constructor(deps: DoctorDeps) {
    this.#d = deps;
  }

  async diagnose(input: InvokeParsedInput<'peers:diagnose'>): Promise<InvokeOutput<'peers:diagnose'>> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      await this.#d.models.live(ctx.routerId);
      const state = await this.#d.models.readNow(ctx.routerId, ctx.client, ['firewall', 'cloud', 'clock', 'ntp']);
      const peer = peerById(state, input.peerId);
      const remembered = this.#d.endpoints.get(ctx.routerId, peer.interface)?.host ?? null;
      const causes = diagnose(state, peer, {
        routerId: ctx.routerId,
        onlineThresholdMs: this.#d.settings.get().onlineThresholdSec * 1000,
        endpointHost: remembered,
        now: this.#d.now(),
        keys: await this.#keys(ctx.routerId, peer),
        endpointName: peer.endpointAddress ? null : await this.#endpointName(state, peer.interface),
        acceptCounter: this.#acceptCounter(state, peer),
        recent: this.#recent(ctx.routerId, peer),
      });
      return { peerId: peer.id, status: peer.status, causes: causes.map((c) => ({ code: c.code, params: { ...c.params }, fix: c.fix })) };
    });
  }

  /** The kept key, and the key WireDesk last gave this peer when the router's peer now has another (changed in WinBox). */
  async #keys(routerId: string, peer: ModelPeer): Promise<DiagnoseOptions['keys']> {
    const kept = await this.#d.keys.check(routerId, peer.publicKey);
    if (kept !== 'none') return { kept, replaced: null };
    const last = this.#d.auditLog.lastAfter(routerId, 'peer', peer.id) as { publicKey?: unknown } | null;
    const given = typeof last?.publicKey === 'string' ? last.publicKey : null;
    return { kept, replaced: given && given !== peer.publicKey && this.#d.keys.custodyOf(routerId, given) !== null ? given : null };
  }

  /** The name clients dial (as configs choose it: remembered, else the router's DDNS name) and what it resolves to now. */
  async #endpointName(state: RouterState, ifaceName: string): Promise<DiagnoseOptions['endpointName']> {
    // The demo router's internet is made up: its names are not asked of this computer's resolver.
    if (state.routerId === this.#d.settings.demoRouterId) return null;
    const iface = state.interfaces.find((i) => i.name === ifaceName);
    const host = iface ? suggestEndpoint(this.#d.endpoints, state.routerId, iface, state).host : null;
    if (!host || parseIp(host).ok) return null;
    const addresses = await this.#d.resolveHost(host);
    return addresses === null ? null : { host, addresses };
  }

  /** Bytes each way over the last minutes, when the polls saw enough of them. */
  #recent(routerId: string, peer: ModelPeer): DiagnoseOptions['recent'] {
    const to = this.#d.now();
    const t = this.#d.recentTraffic({ routerId, interface: peer.interface, publicKey: peer.publicKey }, { from: to - RECENT_MS, to });
    return t.coveredMs >= RECENT_COVERED_MS ? { rx: t.rx, tx: t.tx, minutes: Math.round(RECENT_MS / 60_000) } : null;
  }

  #acceptCounter(state: RouterState, peer: ModelPeer): DiagnoseOptions['acceptCounter'] {
    const iface = state.interfaces.find((i) => i.name === peer.interface);
    const rule = iface && state.parts.firewall.known ? acceptingRuleRow(state.firewall, iface.listenPort) : null;
    const packets = Number(rule?.['packets'] ?? NaN);
    if (!rule || !Number.isFinite(packets)) return null;
    const key = `${state.routerId} ${rule['.id'] ?? ''}`;
    const seen = this.#counters.get(key);
    if (seen && seen.packets === packets) return { rule, packets, sameSince: seen.since };
    this.#counters.set(key, { packets, since: this.#d.now() });
    return { rule, packets, sameSince: null };
  }
}
