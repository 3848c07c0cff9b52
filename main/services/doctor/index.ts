// The connection doctor as a service: reads the live model (never the router itself) and ranks the causes.
import type { InvokeOutput, InvokeParsedInput } from '../../../src/contract/index.ts';
import type { ManagementDeps } from '../management/deps.ts';
import { peerById } from '../management/router-read.ts';
import { diagnose } from './diagnose.ts';

export class PeerDoctor {
  readonly #d: Pick<ManagementDeps, 'sessions' | 'models' | 'settings' | 'endpoints'>;

  constructor(deps: Pick<ManagementDeps, 'sessions' | 'models' | 'settings' | 'endpoints'>) {
    this.#d = deps;
  }

  async diagnose(input: InvokeParsedInput<'peers:diagnose'>): Promise<InvokeOutput<'peers:diagnose'>> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const peer = peerById(state, input.peerId);
      const causes = diagnose(state, peer, {
        routerId: ctx.routerId,
        onlineThresholdMs: this.#d.settings.get().onlineThresholdSec * 1000,
        endpointHost: this.#d.endpoints.get(ctx.routerId, peer.interface)?.host ?? null,
      });
      return { peerId: peer.id, status: peer.status, causes: causes.map((c) => ({ code: c.code, params: { ...c.params }, fix: c.fix })) };
    });
  }
}
