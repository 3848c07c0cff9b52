// Enable/disable, delete and key rotation of one peer. Each takes the peer from the router model, refuses
// router-made (dynamic) peers with a reason, writes an audit entry for what it sent, and hands the peer as
// read right after the change back to the model.
import { peerFeatures, generateKeyPair, generatePresharedKey } from '../../../src/domain/index.ts';
import type { InvokeParsedInput } from '../../../src/contract/index.ts';
import { removePeers, setPeer, type PeerInput } from '../../routeros/menus/wireguard-peers.ts';
import { auditPeer } from './audit-views.ts';
import type { ManagementDeps } from './deps.ts';
import { isLinkFailure } from '../errors.ts';
import { attempt, PEER_TRAP_HINTS } from './errors.ts';
import { oneTimeSecret } from './one-time-secret.ts';
import { FULL_TUNNEL, hostEntries } from './peer-input.ts';
import { dialEndpoint, peerView, splitList } from './peer-results.ts';
import { peerById, peerLabel, readPeerAfterChange, readPeerRow, refuseDynamicPeer } from './router-read.ts';

export class PeerActions {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async setDisabled(input: InvokeParsedInput<'peers:setDisabled'>) {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const peer = peerById(await this.#d.models.live(ctx.routerId), input.peerId);
      refuseDynamicPeer(peer);
      if (peer.disabled === input.disabled) return { peer: peerView(this.#d, ctx, peer) };
      const subject = {
        routerId: ctx.routerId, routerName: ctx.routerName, action: input.disabled ? ('disable' as const) : ('enable' as const),
        objectType: 'peer' as const, objectId: peer.id, objectName: peerLabel(peer), before: auditPeer(peer),
      };
      const after = await this.#d.audit.record(subject, async () => {
        await attempt(`${input.disabled ? 'Disabling' : 'Enabling'} peer "${peerLabel(peer)}"`, () => setPeer(ctx.client, peer.id, { disabled: input.disabled }, ctx.version), PEER_TRAP_HINTS);
        const fresh = await readPeerAfterChange(this.#d.models, ctx, peer.id);
        return { value: fresh, after: auditPeer(fresh) };
      });
      return { peer: peerView(this.#d, ctx, after) };
    });
  }

  async delete(input: InvokeParsedInput<'peers:delete'>) {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const peer = peerById(await this.#d.models.live(ctx.routerId), input.peerId);
      refuseDynamicPeer(peer);
      this.#d.models.expectRemoval(ctx.routerId, [peer.id]);
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'delete' as const, objectType: 'peer' as const, objectId: peer.id, objectName: peerLabel(peer), before: auditPeer(peer) };
      await this.#d.audit.record(subject, async () => {
        await attempt(`Deleting peer "${peerLabel(peer)}" from ${peer.interface}`, () => removePeers(ctx.client, peer.id), PEER_TRAP_HINTS);
        return { value: undefined, after: null };
      });
      this.#d.keys.forget(ctx.routerId, peer.publicKey);
      this.#d.models.forgetPeer(ctx.routerId, peer);
      return { deleted: true as const, peerId: peer.id };
    });
  }

  /** New key pair made here; the router gets the new public key; the old key record goes. */
  async rotateKeys(input: InvokeParsedInput<'peers:rotateKeys'>) {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const peer = peerById(state, input.peerId);
      refuseDynamicPeer(peer);
      const iface = state.interfaces.find((i) => i.name === peer.interface) ?? null;
      // Secrets are not kept in the model: the router-held private key and the preshared key are read
      // for this change only.
      const row = await readPeerRow(ctx.client, peer.id);

      const pair = generateKeyPair();
      const newPsk = input.presharedKey === 'generate' ? generatePresharedKey() : undefined;
      const change: PeerInput = { publicKey: pair.publicKey };
      if (newPsk) change.presharedKey = newPsk;
      if (input.presharedKey === 'remove') change.presharedKey = '';
      // A key the router generated for this peer (private-key=auto, 7.12+) belongs to the old public key;
      // left in place, the router's own config export would hand out a key that no longer works.
      if (row['private-key'] && peerFeatures(ctx.version).privateKeyField) change.privateKey = 'none';

      const handle = await this.#d.keys.prepare(ctx.routerId, pair, input.custody);
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'rotate-keys' as const, objectType: 'peer' as const, objectId: peer.id, objectName: peerLabel(peer), before: auditPeer(peer) };
      const after = await this.#d.audit.record(subject, async () => {
        try {
          await attempt(`Setting a new public key on peer "${peerLabel(peer)}"`, () => setPeer(ctx.client, peer.id, change, ctx.version), PEER_TRAP_HINTS);
        } catch (error) {
          if (!isLinkFailure(error)) handle.rollback();
          throw error;
        }
        const fresh = await readPeerAfterChange(this.#d.models, ctx, peer.id);
        return { value: fresh, after: auditPeer(fresh) };
      });
      handle.commit();
      if (peer.publicKey !== pair.publicKey) this.#d.keys.forget(ctx.routerId, peer.publicKey);

      const presharedKey = input.presharedKey === 'remove' ? null : (newPsk ?? (row['preshared-key'] || null));
      const addresses = peer.client.address ? splitList(peer.client.address) : hostEntries(peer.allowedAddress);
      const secret = await oneTimeSecret({
        privateKey: pair.privateKey,
        presharedKey,
        custody: handle.custody,
        addresses,
        dns: splitList(peer.client.dns),
        serverPublicKey: iface?.publicKey ?? '',
        allowedIps: peer.client.allowedAddress ? splitList(peer.client.allowedAddress) : FULL_TUNNEL,
        keepaliveSec: Math.round((peer.client.keepaliveMs ?? peer.persistentKeepaliveMs ?? 25_000) / 1000),
        endpoint: iface ? dialEndpoint(this.#d, ctx.routerId, iface, peer.client.endpoint) : null,
        iface: peer.interface,
      });
      return { peer: peerView(this.#d, ctx, after), warnings: [], secret };
    });
  }
}
