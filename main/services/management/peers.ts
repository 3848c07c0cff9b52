// Creating and editing peers. Create: key pair made here (X25519), the next free address unless one is
// given, keepalive 25 s, no endpoint and responder=yes for road-warrior clients, client-* fields on 7.12+
// so WinBox shows the same config. Everything is checked before the router sees anything.
import type { InvokeParsedInput, ManagementWarning } from '../../../src/contract/index.ts';
import { generateKeyPair, generatePresharedKey } from '../../../src/domain/index.ts';
import { addPeer, setPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { Reservation } from '../../store/reservations.ts';
import { AddressPlanner, checkAllowedAddress } from './allocation.ts';
import { auditPeer } from './audit-views.ts';
import type { ManagementDeps } from './deps.ts';
import { isLinkFailure } from '../errors.ts';
import { attempt, PEER_TRAP_HINTS } from './errors.ts';
import { oneTimeSecret } from './one-time-secret.ts';
import { changesDraft, createDraft } from './peer-draft.ts';
import { changedPeerInput, FULL_TUNNEL, hostEntries, newPeerInput, type NewPeer, type NewPeerClient } from './peer-input.ts';
import { checkNameFree } from './peer-names.ts';
import { dialEndpoint, peerView } from './peer-results.ts';
import { interfaceWarnings, poolWarnings } from './prechecks.ts';
import { interfaceByName, peerById, peerLabel, readPeerAfterChange, refuseDynamicInterface, refuseDynamicPeer } from './router-read.ts';

type CreateInput = InvokeParsedInput<'peers:create'>;
type UpdateInput = InvokeParsedInput<'peers:update'>;

export class PeerEditor {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async create(input: CreateInput) {
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

      const pair = draft.publicKey ? null : generateKeyPair();
      const publicKey = draft.publicKey ?? pair!.publicKey;
      const presharedKey = input.presharedKey ? generatePresharedKey() : undefined;
      const remembered = this.#d.endpoints.get(ctx.routerId, iface.name);
      const client: NewPeerClient = {
        address: hostEntries(allowedAddress),
        dns: draft.client.dns ?? [],
        endpoint: draft.client.endpoint ?? remembered?.host,
        keepaliveSec: draft.client.keepaliveSec ?? draft.keepaliveSec,
        allowedAddress: draft.client.allowedAddress ?? FULL_TUNNEL,
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

      const handle = pair ? await this.#d.keys.prepare(ctx.routerId, pair, input.custody) : null;
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'create' as const, objectType: 'peer' as const, objectName: draft.name };
      const created = await this.#d.audit.record(subject, async () => {
        try {
          const id = await attempt(`Adding peer "${draft.name}" to ${iface.name}`, () => addPeer(ctx.client, built.input, ctx.version), PEER_TRAP_HINTS);
          const after = await readPeerAfterChange(this.#d.models, ctx, id);
          return { value: after, objectId: id, after: auditPeer(after) };
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
      return { peer: peerView(this.#d, ctx, created), warnings, secret };
    });
  }

  async update(input: UpdateInput) {
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
      const presharedKey = input.presharedKey === 'generate' ? generatePresharedKey() : undefined;
      if (presharedKey) built.input.presharedKey = presharedKey;
      if (input.presharedKey === 'remove') built.input.presharedKey = '';
      if (Object.values(built.input).every((v) => v === undefined)) return { peer: peerView(this.#d, ctx, current), warnings, secret: null };

      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'edit' as const, objectType: 'peer' as const, objectId: current.id, objectName: peerLabel(current), before: auditPeer(current) };
      const updated = await this.#d.audit.record(subject, async () => {
        await attempt(`Changing peer "${peerLabel(current)}" on ${current.interface}`, () => setPeer(ctx.client, current.id, built.input, ctx.version), PEER_TRAP_HINTS);
        const after = await readPeerAfterChange(this.#d.models, ctx, current.id);
        return { value: after, after: auditPeer(after) };
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
      return { peer: peerView(this.#d, ctx, updated), warnings, secret };
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
