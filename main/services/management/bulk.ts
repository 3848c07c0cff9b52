// Enable, disable or delete many peers at once, as change plans: the peers that cannot be changed (gone,
// router-made) are reported before anything is sent; the rest go in plans of at most CHUNK peers, each
// backed up, guarded by the router's own rollback, applied, verified, and undone as a whole when one of its
// steps is refused. A `bulk:progress` event per settled peer, a result and an audit entry per peer. Once a
// plan fails or the link is lost, the peers of later plans are reported as not attempted.
import { randomUUID } from 'node:crypto';
import type { ChangeSubject } from '../../../src/contract/changes.ts';
import { AppError, type InvokeParsedInput, type InvokeOutput, type PlanView } from '../../../src/contract/index.ts';
import { peerFeatures } from '../../../src/domain/index.ts';
import { PEERS_PATH } from '../../routeros/menus/wireguard-peers.ts';
import type { Row } from '../../routeros/rows.ts';
import type { ModelPeer, RouterState } from '../router-model/index.ts';
import { planPeerRemove, planPeerSet } from '../changes/peer-plans.ts';
import { combinePlans, type ChangePlan } from '../changes/plan.ts';
import { auditPeer } from './audit-views.ts';
import type { ManagementDeps } from './deps.ts';
import { isLinkFailure } from '../errors.ts';
import { describeError } from './errors.ts';
import type { RouterContext } from './router-session.ts';
import { peerLabel, refuseDynamicPeer } from './router-read.ts';

type BulkInput = InvokeParsedInput<'peers:bulk'>;
type BulkResult = InvokeOutput<'peers:bulk'>;
type ItemResult = BulkResult['results'][number];

/**
 * Peers per plan. Each plan's undo goes into one scheduler script on the router (a re-add line per deleted
 * peer is a few hundred bytes), and Safe Mode keeps at most 100 actions before it gives up undoing.
 */
export const CHUNK = 50;


interface Prepared {
  /** Results settled before sending: gone, read-only, or already as asked. */
  settled: Map<string, ItemResult>;
  /** Peers to change, in the order asked. */
  todo: ModelPeer[];
}

export class BulkPeers {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  /** The whole bulk action as one plan (its commands are what `run` sends, chunk after chunk). */
  async preview(input: BulkInput): Promise<PlanView> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const { todo } = prepare(state, input);
      if (todo.length === 0) throw new AppError('VALIDATION', 'None of the selected peers would change: they are gone, read-only, or already as asked.');
      return this.#d.previews.keep(this.#plan(ctx, input.action, todo, new Map()), null);
    });
  }

  async run(input: BulkInput): Promise<BulkResult> {
    const operationId = input.operationId ?? randomUUID();
    const ids = [...new Set(input.peerIds)];
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const { settled, todo } = prepare(state, { ...input, peerIds: ids });
      const results = new Map(settled);
      let done = 0;
      let failed = 0;
      const progress = (result: ItemResult): void => {
        results.set(result.peerId, result);
        done++;
        if (!result.ok) failed++;
        this.#d.events.emit('bulk:progress', { operationId, routerId: ctx.routerId, action: input.action, done, total: ids.length, failed });
      };
      for (const r of settled.values()) progress(r);
      // Secrets are not in the model: a delete reads them once, so the router's rollback can re-add each peer whole.
      const secrets = input.action === 'delete' && todo.length > 0
        ? new Map((await ctx.client.print(PEERS_PATH)).map((r) => [r['.id'] ?? '', r]))
        : new Map<string, Row>();
      if (input.planId) {
        this.#d.previews.check(input.planId, this.#plan(ctx, input.action, todo, secrets));
      }
      if (input.action === 'delete') this.#d.models.expectRemoval(ctx.routerId, todo.map((p) => p.id));
      let stopped: string | null = null;
      for (let from = 0; from < todo.length; from += CHUNK) {
        const chunk = todo.slice(from, from + CHUNK);
        if (stopped) {
          for (const peer of chunk) progress({ peerId: peer.id, name: peerLabel(peer), ok: false, error: `Not attempted: ${stopped} Nothing was sent for this peer.` });
          continue;
        }
        const plan = this.#plan(ctx, input.action, chunk, secrets);
        const subject: ChangeSubject = {
          code: 'peer.bulk',
          params: { action: input.action, count: todo.length, ...(todo.length > CHUNK ? { from: from + 1, to: from + chunk.length } : {}) },
        };
        try {
          const applied = await this.#d.plans.apply(ctx, plan, { subject, onStep: (i) => progress({ peerId: chunk[i]!.id, name: peerLabel(chunk[i]!), ok: true, error: null }) });
          for (const peer of chunk) this.#settled(ctx, input.action, peer, null, applied.report.planId);
        } catch (error) {
          stopped = describeError(error);
          const sent = new Set([...results.keys()]);
          for (const peer of chunk) {
            this.#settled(ctx, input.action, peer, error);
            const undone = isLinkFailure(error) ? 'The link was lost; the router undoes this part by itself.' : 'Undone with the rest of its part.';
            if (sent.has(peer.id)) results.set(peer.id, { peerId: peer.id, name: peerLabel(peer), ok: false, error: `${stopped} ${undone}` });
            else progress({ peerId: peer.id, name: peerLabel(peer), ok: false, error: stopped });
          }
          failed = [...results.values()].filter((r) => !r.ok).length;
        }
      }
      const ordered = ids.map((id) => results.get(id)!);
      const bad = ordered.filter((r) => !r.ok).length;
      return { operationId, total: ids.length, succeeded: ids.length - bad, failed: bad, results: ordered };
    });
  }

  #plan(ctx: RouterContext, action: BulkInput['action'], peers: readonly ModelPeer[], secrets: ReadonlyMap<string, Row>): ChangePlan {
    const plans = peers.map((peer) => action === 'delete'
      ? planPeerRemove({ routerId: ctx.routerId, peer, responderParam: peerFeatures(ctx.version).responderParam, secretsBefore: secrets.get(peer.id) ?? null })
      : planPeerSet({ routerId: ctx.routerId, kind: action === 'disable' ? 'peer.disable' : 'peer.enable', peer, params: { disabled: action === 'disable' }, label: `${action === 'disable' ? 'Disabling' : 'Enabling'} peer "${peerLabel(peer)}"`, warnings: [] }));
    const kind = action === 'delete' ? 'peer.delete' : action === 'disable' ? 'peer.disable' : 'peer.enable';
    return combinePlans(kind, { type: 'peer', key: `${peers.length} peers`, label: `${peers.length} peers` }, plans);
  }

  /** The audit entry for one peer of a plan, and after a delete the local records of it. */
  #settled(ctx: RouterContext, action: BulkInput['action'], peer: ModelPeer, error: unknown, planId: string | null = null): void {
    const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action, objectType: 'peer' as const, objectId: peer.id, objectName: peerLabel(peer), before: auditPeer(peer), planId };
    if (error) {
      this.#d.audit.failed(subject, error);
      return;
    }
    this.#d.audit.ok(subject, action === 'delete' ? null : { ...auditPeer(peer), disabled: action === 'disable' });
    if (action === 'delete') {
      this.#d.keys.forget(ctx.routerId, peer.publicKey);
      this.#d.models.forgetPeer(ctx.routerId, peer);
    }
  }
}

function prepare(state: RouterState, input: Pick<BulkInput, 'action' | 'peerIds'>): Prepared {
  const settled = new Map<string, ItemResult>();
  const todo: ModelPeer[] = [];
  for (const peerId of new Set(input.peerIds)) {
    const peer = state.peer(peerId);
    try {
      if (!peer) throw new AppError('NOT_FOUND', `Peer ${peerId} is no longer on the router; it was removed elsewhere.`);
      refuseDynamicPeer(peer);
      if (input.action !== 'delete' && peer.disabled === (input.action === 'disable')) {
        settled.set(peerId, { peerId, name: peerLabel(peer), ok: true, error: null });
        continue;
      }
      todo.push(peer);
    } catch (error) {
      settled.set(peerId, { peerId, name: peer ? peerLabel(peer) : peerId, ok: false, error: describeError(error) });
    }
  }
  return { settled, todo };
}
