// Creating and editing peers. Create: key pair made here (X25519), the next free address unless one is
// given, keepalive 25 s, no endpoint and responder=yes for road-warrior clients, client-* fields on 7.12+
// so WinBox shows the same config. Everything is checked before the router sees anything.
import { AppError, type InvokeOutput, type InvokeParsedInput, type ManagementWarning, type PlanView } from '../../../src/contract/index.ts';
import { generateKeyPair, generatePresharedKey, type KeyPair } from '../../../src/domain/index.ts';
import { peerParams } from '../../routeros/menus/wireguard-peers.ts';
import { planPeerAdd, planPeerSet } from '../changes/peer-plans.ts';
import type { Reservation } from '../../store/reservations.ts';
import { AddressPlanner, checkAllowedAddress } from './allocation.ts';
import { auditPeer } from './audit-views.ts';
import type { ManagementDeps } from './deps.ts';
import { isLinkFailure } from '../errors.ts';
import { oneTimeSecret } from './one-time-secret.ts';
import { changesDraft, createDraft } from './peer-draft.ts';
import { changedPeerInput, hostEntries, newPeerInput, type NewPeer, type NewPeerClient } from './peer-input.ts';
import { clientRoutesOf } from './client-routes.ts';
import { checkKeyFree, checkNameFree } from './peer-names.ts';
import { dialEndpoint, peerView } from './peer-results.ts';
import { interfaceWarnings, poolWarnings } from './prechecks.ts';
import { interfaceByName, peerById, peerLabel, readPeerAfterChange, readPeerRow, refuseDynamicInterface, refuseDynamicPeer } from './router-read.ts';

type CreateInput = InvokeParsedInput<'peers:create'>;
type UpdateInput = InvokeParsedInput<'peers:update'>;
type Created = InvokeOutput<'peers:create'>;

/** What a create's preview was made with, so applying it sends the same key. */
interface CreateMaterial {
  readonly pair: KeyPair | null;
  readonly presharedKey: string | undefined;
}
interface UpdateMaterial {
  readonly presharedKey: string | undefined;
}

export class PeerEditor {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async create(input: CreateInput) {
    return this.#create(input, false) as Promise<Created>;
  }

  /** The plan `create` would apply, kept for `create` with its planId (same keys, recomputed addresses). */
  async previewCreate(input: CreateInput): Promise<PlanView> {
    return this.#create(input, true) as Promise<PlanView>;
  }

  async #create(input: CreateInput, preview: boolean): Promise<Created | PlanView> {
    const draft = createDraft(input);
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = interfaceByName(state, input.interface);
      refuseDynamicInterface(iface);
      checkNameFree(state, draft.name);
      const planner = new AddressPlanner(state, iface.name, this.#d.reserved.for(ctx.routerId, iface.name));
      const warnings: ManagementWarning[] = [];
      let allowedAddress: string[];
      if (draft.allowedAddress) {
        checkAllowedAddress(state, iface.name, draft.allowedAddress);
        allowedAddress = draft.allowedAddress;
      } else {
        allowedAddress = planner.next();
      }
      const usedReservations = this.#reservedAmong(ctx.routerId, iface.name, allowedAddress, warnings);
      warnings.push(...interfaceWarnings(state, iface), ...poolWarnings(iface.name, planner.pools()));

      // Keys are made once per preview: applying it sends the same public key the preview showed.
      const material: CreateMaterial = input.planId
        ? this.#d.previews.material<CreateMaterial>(input.planId, ctx.routerId, 'peer.create')
        : { pair: draft.publicKey ? null : generateKeyPair(), presharedKey: input.presharedKey ? generatePresharedKey() : undefined };
      const { pair, presharedKey } = material;
      const publicKey = draft.publicKey ?? pair!.publicKey;
      checkKeyFree(state, publicKey);
      const remembered = this.#d.endpoints.get(ctx.routerId, iface.name);
      const client: NewPeerClient = {
        address: hostEntries(allowedAddress),
        dns: draft.client.dns ?? [],
        endpoint: draft.client.endpoint ?? remembered?.host,
        keepaliveSec: draft.client.keepaliveSec ?? draft.keepaliveSec,
        // What the technician chose for the interface (the set-up wizard's split tunnel), unless given for this peer.
        allowedAddress: draft.client.allowedAddress ?? clientRoutesOf(this.#d.clientRoutes, ctx.routerId, iface.name),
      };
      const peer: NewPeer = {
        iface: iface.name,
        name: draft.name,
        comment: draft.comment,
        allowedAddress,
        publicKey,
        presharedKey,
        keepaliveSec: draft.keepaliveSec,
        endpoint: draft.endpoint,
        client,
      };
      const built = newPeerInput(peer, ctx.version);
      warnings.push(...built.warnings);
      if (!remembered && !client.endpoint && pair) {
        warnings.push({ code: 'NO_ENDPOINT', message: `No public endpoint is remembered for ${iface.name}, so no ready client config could be built. Set one (host and port clients dial).` });
      }
      const plan = planPeerAdd({ routerId: ctx.routerId, params: peerParams(built.input, ctx.version), label: { name: draft.name, comment: draft.comment }, iface: iface.name, warnings });
      if (preview) return this.#d.previews.keep(plan, material);
      if (input.planId) this.#d.previews.confirm(input.planId, plan);

      const handle = pair ? await this.#d.keys.prepare(ctx.routerId, pair, input.custody) : null;
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'create' as const, objectType: 'peer' as const, objectName: draft.name };
      const { peer: created, report } = await this.#d.audit.record(subject, async () => {
        try {
          const applied = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: 'peer.create', params: { name: draft.name, interface: iface.name } } });
          const id = applied.ids[0]!;
          const after = (await this.#d.models.state(ctx.routerId)).peer(id) ?? (await readPeerAfterChange(this.#d.models, ctx, id));
          return { value: { peer: after, report: applied.report }, objectId: id, after: auditPeer(after), planId: applied.report.planId };
        } catch (error) {
          // A lost answer may still mean the peer exists; keep its key then, so it can be found again.
          if (!isLinkFailure(error)) handle?.rollback();
          throw error;
        }
      });
      handle?.commit();
      this.#release(usedReservations);

      const secret = pair || presharedKey
        ? await oneTimeSecret({
            privateKey: pair?.privateKey ?? null,
            presharedKey: presharedKey ?? null,
            custody: handle?.custody ?? null,
            addresses: client.address,
            dns: client.dns,
            serverPublicKey: iface.publicKey,
            allowedIps: client.allowedAddress,
            keepaliveSec: client.keepaliveSec,
            endpoint: dialEndpoint(this.#d, ctx.routerId, iface, client.endpoint),
            iface: iface.name,
          })
        : null;
      return { peer: peerView(this.#d, ctx, created), warnings, secret, report };
    });
  }

  async update(input: UpdateInput) {
    return this.#update(input, false) as Promise<Created>;
  }

  async previewUpdate(input: UpdateInput): Promise<PlanView> {
    return this.#update(input, true) as Promise<PlanView>;
  }

  async #update(input: UpdateInput, preview: boolean): Promise<Created | PlanView> {
    const changes = changesDraft(input);
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const current = peerById(state, input.peerId);
      refuseDynamicPeer(current);
      if (changes.name !== undefined) checkNameFree(state, changes.name, current.id);
      const warnings: ManagementWarning[] = [];
      if (changes.allowedAddress !== undefined) checkAllowedAddress(state, current.interface, changes.allowedAddress, current.id);
      const usedReservations = this.#reservedAmong(ctx.routerId, current.interface, changes.allowedAddress ?? [], warnings);
      const built = changedPeerInput(current, changes, ctx.version);
      warnings.push(...built.warnings);
      const material: UpdateMaterial = input.planId
        ? this.#d.previews.material<UpdateMaterial>(input.planId, ctx.routerId, 'peer.update')
        : { presharedKey: input.presharedKey === 'generate' ? generatePresharedKey() : undefined };
      const presharedKey = material.presharedKey;
      if (presharedKey) built.input.presharedKey = presharedKey;
      if (input.presharedKey === 'remove') built.input.presharedKey = '';
      const params = peerParams(built.input, ctx.version);
      if (Object.values(params).every((v) => v === undefined)) {
        if (preview) throw new AppError('VALIDATION', 'Nothing would change: every field already has the value given.');
        return { peer: peerView(this.#d, ctx, current), warnings, secret: null };
      }
      // The old preshared key is read for this change only, so the router's rollback can put it back.
      const secretsBefore = built.input.presharedKey !== undefined && current.presharedKeyState === 'set' ? await readPeerRow(ctx.client, current.id) : null;
      const label = `Changing peer "${peerLabel(current)}" on ${current.interface}`;
      const plan = planPeerSet({ routerId: ctx.routerId, kind: 'peer.update', peer: current, params, label, warnings, secretsBefore });
      if (preview) return this.#d.previews.keep(plan, material);
      if (input.planId) this.#d.previews.confirm(input.planId, plan);

      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'edit' as const, objectType: 'peer' as const, objectId: current.id, objectName: peerLabel(current), before: auditPeer(current) };
      const { peer: updated, report } = await this.#d.audit.record(subject, async () => {
        const applied = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: 'peer.update', params: { name: peerLabel(current), interface: current.interface } } });
        const after = (await this.#d.models.state(ctx.routerId)).peer(current.id) ?? (await readPeerAfterChange(this.#d.models, ctx, current.id));
        return { value: { peer: after, report: applied.report }, after: auditPeer(after), planId: applied.report.planId };
      });
      this.#release(usedReservations);
      const secret = presharedKey
        ? {
            privateKey: null,
            presharedKey,
            config: null,
            qr: null,
            configProblem: 'The device needs this new preshared key: put it in the PresharedKey line of its [Peer] section, or rebuild its config.',
            custody: null,
          }
        : null;
      return { peer: peerView(this.#d, ctx, updated), warnings, secret, report };
    });
  }

  /** An address given by hand that was reserved in WireDesk: once the router has it, the reservation is done. */
  #reservedAmong(routerId: string, iface: string, addresses: readonly string[], warnings: ManagementWarning[]): Reservation[] {
    const reserved = this.#d.reservations.list(routerId, iface).filter((r) => addresses.includes(r.address));
    for (const r of reserved) {
      warnings.push({
        code: 'RESERVATION_USED',
        message: `${r.address} was reserved in WireDesk${r.note ? ` (${r.note})` : ''}; this peer uses it now, so the reservation was released.`,
      });
    }
    return reserved;
  }

  #release(reservations: readonly Reservation[]): void {
    for (const r of reservations) this.#d.reservations.release(r.routerId, r.interface, r.address);
  }
}
