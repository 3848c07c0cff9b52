// Enable/disable, delete and key rotation of one peer. Each takes the peer from the router model, refuses
// router-made (dynamic) peers with a reason, writes an audit entry for what it sent, and hands the peer as
// read right after the change back to the model.
import { peerFeatures, generateKeyPair, generatePresharedKey } from '../../../src/domain/index.ts';
import { AppError, type InvokeOutput, type InvokeParsedInput, type PlanView } from '../../../src/contract/index.ts';
import { peerParams, type PeerInput, type WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import { planPeerRemove, planPeerSet } from '../changes/peer-plans.ts';
import { auditPeer } from './audit-views.ts';
import type { ManagementDeps } from './deps.ts';
import type { ApplyReport } from '../changes/apply.ts';
import { isLinkFailure } from '../errors.ts';
import { oneTimeSecret, type SecretParts } from './one-time-secret.ts';
import { hostEntries } from './peer-input.ts';
import { clientRoutesOf } from './client-routes.ts';
import { dialEndpoint, peerView, splitList } from './peer-results.ts';
import { peerById, peerLabel, readPeerAfterChange, readPeerRow, refuseDynamicPeer, type RouterInterface } from './router-read.ts';
import type { RouterContext } from './router-session.ts';

/** What a key-rotation preview was made with, kept in main until it is applied or expires. */
interface RotateMaterial {
  pair: ReturnType<typeof generateKeyPair>;
  newPsk: string | undefined;
}

export class PeerActions {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async setDisabled(input: InvokeParsedInput<'peers:setDisabled'>) {
    return this.#setDisabled(input, false) as Promise<InvokeOutput<'peers:setDisabled'>>;
  }

  async previewSetDisabled(input: InvokeParsedInput<'peers:setDisabled'>): Promise<PlanView> {
    return this.#setDisabled(input, true) as Promise<PlanView>;
  }

  async #setDisabled(input: InvokeParsedInput<'peers:setDisabled'>, preview: boolean): Promise<InvokeOutput<'peers:setDisabled'> | PlanView> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const peer = peerById(await this.#d.models.live(ctx.routerId), input.peerId);
      refuseDynamicPeer(peer);
      const kind = input.disabled ? ('peer.disable' as const) : ('peer.enable' as const);
      if (peer.disabled === input.disabled) {
        if (preview) throw new AppError('VALIDATION', `Peer "${peerLabel(peer)}" is already ${input.disabled ? 'disabled' : 'enabled'}: nothing would change.`);
        return { peer: peerView(this.#d, ctx, peer) };
      }
      const label = `${input.disabled ? 'Disabling' : 'Enabling'} peer "${peerLabel(peer)}"`;
      const plan = planPeerSet({ routerId: ctx.routerId, kind, peer, params: { disabled: input.disabled }, label, warnings: [] });
      if (preview) return this.#d.previews.keep(plan, null);
      if (input.planId) {
        this.#d.previews.check(input.planId, plan);
      }
      const subject = {
        routerId: ctx.routerId, routerName: ctx.routerName, action: input.disabled ? ('disable' as const) : ('enable' as const),
        objectType: 'peer' as const, objectId: peer.id, objectName: peerLabel(peer), before: auditPeer(peer),
      };
      const { after, report } = await this.#d.audit.record(subject, async () => {
        const applied = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: input.disabled ? 'peer.disable' : 'peer.enable', params: { name: peerLabel(peer) } } });
        const fresh = (await this.#d.models.state(ctx.routerId)).peer(peer.id) ?? (await readPeerAfterChange(this.#d.models, ctx, peer.id));
        return { value: { after: fresh, report: applied.report }, after: auditPeer(fresh), planId: applied.report.planId };
      });
      return { peer: peerView(this.#d, ctx, after), report };
    });
  }

  async delete(input: InvokeParsedInput<'peers:delete'>) {
    return this.#delete(input, false) as Promise<InvokeOutput<'peers:delete'>>;
  }

  async previewDelete(input: InvokeParsedInput<'peers:delete'>): Promise<PlanView> {
    return this.#delete(input, true) as Promise<PlanView>;
  }

  async #delete(input: InvokeParsedInput<'peers:delete'>, preview: boolean): Promise<InvokeOutput<'peers:delete'> | PlanView> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const peer = peerById(await this.#d.models.live(ctx.routerId), input.peerId);
      refuseDynamicPeer(peer);
      // Secrets are not in the model: read for this change only, so the router's rollback can re-add the
      // peer with its preshared key and router-held private key.
      const row = preview ? null : await readPeerRow(ctx.client, peer.id);
      const plan = planPeerRemove({ routerId: ctx.routerId, peer, responderParam: peerFeatures(ctx.version).responderParam, secretsBefore: row });
      if (preview) return this.#d.previews.keep(plan, null);
      if (input.planId) {
        this.#d.previews.check(input.planId, plan);
      }
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'delete' as const, objectType: 'peer' as const, objectId: peer.id, objectName: peerLabel(peer), before: auditPeer(peer) };
      const report = await this.#d.audit.record(subject, async () => {
        const applied = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: 'peer.delete', params: { name: peerLabel(peer), interface: peer.interface } } });
        return { value: applied.report, after: null, planId: applied.report.planId };
      });
      this.#d.keys.forget(ctx.routerId, peer.publicKey);
      this.#d.models.forgetPeer(ctx.routerId, peer);
      return { deleted: true as const, peerId: peer.id, report };
    });
  }

  /** New key pair made here; the router gets the new public key; the old key record goes. */
  async rotateKeys(input: InvokeParsedInput<'peers:rotateKeys'>) {
    return this.#rotateKeys(input, false) as Promise<InvokeOutput<'peers:rotateKeys'>>;
  }

  /** The plan `rotateKeys` would apply, kept with the new keys: applying it sends the public key it showed. */
  /**
   * A peer whose add lost its answer and turned out to be on the router: the key WireDesk held for it, shown
   * once as a config and QR code, then not kept. Nothing is sent to the router.
   */
  async revealHeldKey(input: InvokeParsedInput<'peers:revealHeldKey'>): Promise<InvokeOutput<'peers:revealHeldKey'>> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const peer = peerById(state, input.peerId);
      const privateKey = await this.#d.keys.held(ctx.routerId, peer.publicKey);
      if (privateKey === null) {
        throw new AppError('NOT_FOUND', `WireDesk holds no key waiting to be shown for peer "${peerLabel(peer)}": it was shown already, or kept as chosen.`);
      }
      const iface = state.interfaces.find((i) => i.name === peer.interface) ?? null;
      // The preshared key (not in the model) is read for this response only, as a key rotation does.
      const row = await readPeerRow(ctx.client, peer.id);
      const secret = await oneTimeSecret({ ...this.#clientOf(ctx, peer, iface), privateKey, presharedKey: row['preshared-key'] || null, custody: 'held' });
      this.#d.keys.shown(ctx.routerId, peer.publicKey);
      return { peer: peerView(this.#d, ctx, peer), secret };
    });
  }

  async previewRotateKeys(input: InvokeParsedInput<'peers:rotateKeys'>): Promise<PlanView> {
    return this.#rotateKeys(input, true) as Promise<PlanView>;
  }

  async #rotateKeys(input: InvokeParsedInput<'peers:rotateKeys'>, preview: boolean): Promise<InvokeOutput<'peers:rotateKeys'> | PlanView> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const peer = peerById(state, input.peerId);
      refuseDynamicPeer(peer);
      const iface = state.interfaces.find((i) => i.name === peer.interface) ?? null;
      // Secrets are not kept in the model: the router-held private key and the preshared key are read
      // for this change only.
      const row = await readPeerRow(ctx.client, peer.id);

      // Keys are made once per preview (kept in main, never sent to the renderer).
      const { pair, newPsk } = input.planId
        ? this.#d.previews.material<RotateMaterial>(input.planId, ctx.routerId, 'peer.rotateKeys')
        : { pair: generateKeyPair(), newPsk: input.presharedKey === 'generate' ? generatePresharedKey() : undefined };
      const change: PeerInput = { publicKey: pair.publicKey };
      if (newPsk) change.presharedKey = newPsk;
      if (input.presharedKey === 'remove') change.presharedKey = '';
      // A key the router generated for this peer (private-key=auto, 7.12+) belongs to the old public key;
      // left in place, the router's own config export would hand out a key that no longer works.
      if (row['private-key'] && peerFeatures(ctx.version).privateKeyField) change.privateKey = 'none';

      // Through a plan like every write: the router's rollback puts the old key (and its secrets) back.
      const plan = planPeerSet({
        routerId: ctx.routerId, kind: 'peer.rotateKeys', peer, params: peerParams(change, ctx.version),
        label: `Setting a new public key on peer "${peerLabel(peer)}"`, warnings: [], secretsBefore: row,
      });
      if (preview) return this.#d.previews.keep(plan, { pair, newPsk } satisfies RotateMaterial);
      if (input.planId) this.#d.previews.confirm(input.planId, plan);
      const handle = await this.#d.keys.prepare(ctx.routerId, pair, input.custody);
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'rotate-keys' as const, objectType: 'peer' as const, objectId: peer.id, objectName: peerLabel(peer), before: auditPeer(peer) };
      const { fresh: after, report } = await this.#d.audit.record(subject, async () => {
        let report: ApplyReport;
        try {
          ({ report } = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: 'peer.rotateKeys', params: { name: peerLabel(peer) } } }));
        } catch (error) {
          if (!isLinkFailure(error)) handle.rollback();
          throw error;
        }
        const fresh = (await this.#d.models.state(ctx.routerId)).peer(peer.id) ?? (await readPeerAfterChange(this.#d.models, ctx, peer.id));
        return { value: { fresh, report }, after: auditPeer(fresh), planId: report.planId };
      });
      handle.commit();
      if (peer.publicKey !== pair.publicKey) this.#d.keys.forget(ctx.routerId, peer.publicKey);

      const presharedKey = input.presharedKey === 'remove' ? null : (newPsk ?? (row['preshared-key'] || null));
      const secret = await oneTimeSecret({ ...this.#clientOf(ctx, peer, iface), privateKey: pair.privateKey, presharedKey, custody: handle.custody });
      return { peer: peerView(this.#d, ctx, after), warnings: [], secret, report };
    });
  }

  /** What a config for an existing peer needs besides its keys: its client fields as the router (or WireDesk) has them. */
  #clientOf(ctx: RouterContext, peer: WireGuardPeer, iface: RouterInterface | null): Omit<SecretParts, 'privateKey' | 'presharedKey' | 'custody'> {
    return {
      addresses: peer.client.address ? splitList(peer.client.address) : hostEntries(peer.allowedAddress),
      dns: splitList(peer.client.dns),
      serverPublicKey: iface?.publicKey ?? '',
      // The router keeps client-allowed-address from 7.21 on; before, the interface's remembered routes stand in.
      allowedIps: peer.client.allowedAddress ? splitList(peer.client.allowedAddress) : clientRoutesOf(this.#d.clientRoutes, ctx.routerId, peer.interface),
      keepaliveSec: Math.round((peer.client.keepaliveMs ?? peer.persistentKeepaliveMs ?? 25_000) / 1000),
      endpoint: iface ? dialEndpoint(this.#d, ctx.routerId, iface, peer.client.endpoint) : null,
      iface: peer.interface,
    };
  }
}
