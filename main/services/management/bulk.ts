// Enable, disable or delete many peers at once, with a `bulk:progress` event per finished peer and a result
// per peer. A refusal settles only its own peer; once the link is lost the rest are reported as not
// attempted (nothing is queued to run later).
import { randomUUID } from 'node:crypto';
import { AppError, type InvokeParsedInput, type InvokeOutput } from '../../../src/contract/index.ts';
import { removePeers, setPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { ModelPeer } from '../router-model/index.ts';
import { auditPeer } from './audit-views.ts';
import { forEachLimited, IN_FLIGHT } from './concurrency.ts';
import type { ManagementDeps } from './deps.ts';
import { isLinkFailure } from '../errors.ts';
import { attempt, describeError, PEER_TRAP_HINTS } from './errors.ts';
import type { RouterContext } from './router-session.ts';
import { peerLabel, refuseDynamicPeer } from './router-read.ts';

type BulkInput = InvokeParsedInput<'peers:bulk'>;
type BulkResult = InvokeOutput<'peers:bulk'>;
type ItemResult = BulkResult['results'][number];

const VERB = { enable: 'Enabling', disable: 'Disabling', delete: 'Deleting' } as const;

export class BulkPeers {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async run(input: BulkInput): Promise<BulkResult> {
    const operationId = input.operationId ?? randomUUID();
    const ids = [...new Set(input.peerIds)];
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const removing = input.action === 'delete' ? ids.filter((id) => state.peer(id)) : [];
      this.#d.models.expectRemoval(ctx.routerId, removing);
      const results: ItemResult[] = [];
      let done = 0;
      let failed = 0;
      let linkLost: string | null = null;
      await forEachLimited(ids, IN_FLIGHT, async (peerId, index) => {
        const peer = state.peer(peerId);
        let result: ItemResult;
        if (linkLost) {
          result = { peerId, name: peer ? peerLabel(peer) : peerId, ok: false, error: `Not attempted: ${linkLost} Nothing was sent for this peer.` };
        } else {
          try {
            if (!peer) throw new AppError('NOT_FOUND', `Peer ${peerId} is no longer on the router; it was removed elsewhere.`);
            refuseDynamicPeer(peer);
            await this.#one(ctx, input.action, peer);
            result = { peerId, name: peerLabel(peer), ok: true, error: null };
          } catch (error) {
            if (isLinkFailure(error)) linkLost ??= describeError(error);
            result = { peerId, name: peer ? peerLabel(peer) : peerId, ok: false, error: describeError(error) };
          }
        }
        results[index] = result;
        done++;
        if (!result.ok) failed++;
        this.#d.events.emit('bulk:progress', { operationId, routerId: ctx.routerId, action: input.action, done, total: ids.length, failed });
      });
      // One read answers the whole batch (the model also hears each change through listen).
      if (input.action !== 'delete' && !linkLost) await this.#d.models.readNow(ctx.routerId, ctx.client, ['peers']);
      return { operationId, total: ids.length, succeeded: ids.length - failed, failed, results };
    });
  }

  async #one(ctx: RouterContext, action: BulkInput['action'], peer: ModelPeer): Promise<void> {
    const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action, objectType: 'peer' as const, objectId: peer.id, objectName: peerLabel(peer), before: auditPeer(peer) };
    const attempted = `${VERB[action]} peer "${peerLabel(peer)}"`;
    await this.#d.audit.record(subject, async () => {
      if (action === 'delete') {
        await attempt(attempted, () => removePeers(ctx.client, peer.id), PEER_TRAP_HINTS);
        return { value: undefined, after: null };
      }
      const disabled = action === 'disable';
      if (peer.disabled !== disabled) await attempt(attempted, () => setPeer(ctx.client, peer.id, { disabled }, ctx.version), PEER_TRAP_HINTS);
      return { value: undefined, after: { ...auditPeer(peer), disabled } };
    });
    if (action === 'delete') {
      this.#d.keys.forget(ctx.routerId, peer.publicKey);
      this.#d.models.forgetPeer(ctx.routerId, peer);
    }
  }
}
