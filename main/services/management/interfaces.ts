// WireGuard interfaces: create (the router makes the key pair; optionally the tunnel address in the same
// action, all or nothing), edit, enable/disable, and delete with a preview of everything that goes with it.
import { AppError, type InvokeOutput, type InvokeParsedInput } from '../../../src/contract/index.ts';
import { validateComment, validateInterfaceName, validateListenPort, validateMtu } from '../../../src/domain/index.ts';
import { addIpAddress, IP_ADDRESS_PATH } from '../../routeros/menus/ip-address.ts';
import { removePeers } from '../../routeros/menus/wireguard-peers.ts';
import { addWireGuardInterface, removeWireGuardInterface, setWireGuardInterface, type WireGuardInterfaceInput } from '../../routeros/menus/wireguard.ts';
import { auditInterface } from './audit-views.ts';
import type { ManagementDeps } from './deps.ts';
import { attempt, INTERFACE_TRAP_HINTS, PEER_TRAP_HINTS } from './errors.ts';
import { checkAddressFree, checkNameAndPort, interfaceAddress } from './interface-checks.ts';
import { interfaceView } from './interface-view.ts';
import { interfaceWarnings } from './prechecks.ts';
import type { RouterContext } from './router-session.ts';
import { peerLabel, refuseDynamicInterface, type RouterInterface, type RouterWireGuard } from './router-read.ts';
import type { RouterState } from '../router-model/index.ts';
import { invalid, valid } from './validate.ts';

type Result = InvokeOutput<'interfaces:create'>;

interface Settings {
  name?: string;
  listenPort?: number;
  mtu?: number;
  comment?: string;
}

function settings(input: { name?: string | undefined; listenPort?: number | undefined; mtu?: number | undefined; comment?: string | undefined }): Settings {
  const out: Settings = {};
  if (input.name !== undefined) out.name = valid(validateInterfaceName(input.name), 'name');
  if (input.listenPort !== undefined) out.listenPort = valid(validateListenPort(input.listenPort), 'listenPort');
  if (input.mtu !== undefined) out.mtu = valid(validateMtu(input.mtu), 'mtu');
  if (input.comment !== undefined) out.comment = valid(validateComment(input.comment), 'comment');
  return out;
}

function byId(state: RouterWireGuard, id: string): RouterInterface {
  const iface = state.interfaces.find((i) => i.id === id);
  if (!iface) throw new AppError('NOT_FOUND', `WireGuard interface ${id} is no longer on the router (removed elsewhere). Reload the list.`);
  return iface;
}

export class InterfaceManager {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async create(input: InvokeParsedInput<'interfaces:create'>): Promise<Result> {
    const wanted = settings(input);
    const name = wanted.name ?? '';
    const address = input.address ? interfaceAddress(input.address) : undefined;
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      checkNameAndPort(state, wanted);
      if (address) checkAddressFree(state, address, name);
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'create' as const, objectType: 'interface' as const, objectName: name };
      const made = await this.#d.audit.record(subject, async () => {
        const id = await attempt(`Creating WireGuard interface ${name}`, () => addWireGuardInterface(ctx.client, wanted, ctx.version), INTERFACE_TRAP_HINTS);
        if (address) await this.#addAddressOrUndo(ctx, id, name, address);
        const after = await this.#d.models.readNow(ctx.routerId, ctx.client, ['interfaces', 'addresses']);
        return { value: { id, after }, objectId: id, after: auditInterface(byId(after, id), address ? [address] : []) };
      });
      return this.#result(made.after, made.id);
    });
  }

  async update(input: InvokeParsedInput<'interfaces:update'>): Promise<Result> {
    const wanted = settings(input);
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = byId(state, input.interfaceId);
      refuseDynamicInterface(iface);
      checkNameAndPort(state, wanted, iface.id);
      const current: Settings = { name: iface.name, listenPort: iface.listenPort, mtu: iface.mtu, comment: iface.comment };
      const change = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => v !== current[k as keyof Settings])) as Settings;
      if (Object.keys(change).length === 0) return this.#result(state, iface.id);
      const after = await this.#set(ctx, iface, 'edit', change);
      if (change.name !== undefined) this.#moveLocalRecords(ctx.routerId, iface.name, change.name);
      return this.#result(after, iface.id);
    });
  }

  async setDisabled(input: InvokeParsedInput<'interfaces:setDisabled'>): Promise<Result> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = byId(state, input.interfaceId);
      refuseDynamicInterface(iface);
      const after = iface.disabled === input.disabled ? state : await this.#set(ctx, iface, input.disabled ? 'disable' : 'enable', { disabled: input.disabled });
      return this.#result(after, iface.id);
    });
  }

  async deletePreview(input: InvokeParsedInput<'interfaces:deletePreview'>): Promise<InvokeOutput<'interfaces:deletePreview'>> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = byId(state, input.interfaceId);
      const custody = this.#d.keys.custodyByKey(ctx.routerId);
      return {
        interface: interfaceView(state, iface),
        addresses: state.addresses.filter((a) => a.interface === iface.name).map((a) => a.address),
        peers: state.peers
          .filter((p) => p.interface === iface.name)
          .map((p) => ({ id: p.id, name: peerLabel(p), publicKey: p.publicKey, allowedAddress: p.allowedAddress, hasPrivateKey: custody.get(p.publicKey) === 'stored' })),
        confirmName: iface.name,
      };
    });
  }

  /** Removes the interface's peers and addresses explicitly, then the interface: no version is left to guess. */
  async delete(input: InvokeParsedInput<'interfaces:delete'>): Promise<InvokeOutput<'interfaces:delete'>> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = byId(state, input.interfaceId);
      refuseDynamicInterface(iface);
      if (input.confirmName !== iface.name) {
        throw invalid('confirmName', `Type the interface name exactly as shown (${iface.name}) to confirm the deletion; nothing was deleted.`);
      }
      const peers = state.peers.filter((p) => p.interface === iface.name);
      const addresses = state.addresses.filter((a) => a.interface === iface.name && !a.dynamic);
      const before = { ...auditInterface(iface, addresses.map((a) => a.address)), peers: peers.map((p) => ({ name: peerLabel(p), publicKey: p.publicKey, allowedAddress: p.allowedAddress })) };
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'delete' as const, objectType: 'interface' as const, objectId: iface.id, objectName: iface.name, before };
      this.#d.models.expectRemoval(ctx.routerId, peers.map((p) => p.id));
      await this.#d.audit.record(subject, async () => {
        if (peers.length > 0) await attempt(`Deleting the ${peers.length} peer(s) of ${iface.name}`, () => removePeers(ctx.client, peers.map((p) => p.id)), PEER_TRAP_HINTS);
        if (addresses.length > 0) await attempt(`Deleting the address(es) of ${iface.name}`, () => ctx.client.remove(IP_ADDRESS_PATH, addresses.map((a) => a.id)), INTERFACE_TRAP_HINTS);
        await attempt(`Deleting WireGuard interface ${iface.name}`, () => removeWireGuardInterface(ctx.client, iface.id), INTERFACE_TRAP_HINTS);
        return { value: undefined, after: null };
      });
      await this.#d.models.readNow(ctx.routerId, ctx.client, ['interfaces', 'addresses']);
      this.#d.localTransaction(() => {
        for (const peer of peers) {
          this.#d.keys.forget(ctx.routerId, peer.publicKey);
          this.#d.models.forgetPeer(ctx.routerId, peer);
        }
        this.#d.reservations.releaseAll(ctx.routerId, iface.name);
        this.#d.endpoints.clear(ctx.routerId, iface.name);
      });
      return { deleted: true as const, removedPeers: peers.length, removedAddresses: addresses.length };
    });
  }

  /** Applies the change and returns the router as read right after it (for the audit entry and the answer). */
  async #set(ctx: RouterContext, iface: RouterInterface, action: 'edit' | 'enable' | 'disable', change: WireGuardInterfaceInput): Promise<RouterState> {
    const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action, objectType: 'interface' as const, objectId: iface.id, objectName: iface.name, before: auditInterface(iface) };
    const verb = action === 'edit' ? 'Changing' : action === 'enable' ? 'Enabling' : 'Disabling';
    return this.#d.audit.record(subject, async () => {
      await attempt(`${verb} WireGuard interface ${iface.name}`, () => setWireGuardInterface(ctx.client, iface.id, change, ctx.version), INTERFACE_TRAP_HINTS);
      const after = await this.#d.models.readNow(ctx.routerId, ctx.client, ['interfaces']);
      return { value: after, after: auditInterface(byId(after, iface.id)) };
    });
  }

  /** All or nothing: an interface without the address the technician asked for is removed again. */
  async #addAddressOrUndo(ctx: RouterContext, id: string, name: string, address: string): Promise<void> {
    try {
      await attempt(`Adding address ${address} to ${name}`, () => addIpAddress(ctx.client, { address, interface: name, comment: 'WireGuard' }), INTERFACE_TRAP_HINTS);
    } catch (error) {
      await removeWireGuardInterface(ctx.client, id).catch(() => undefined);
      if (error instanceof AppError) throw new AppError(error.code, `${error.message} The new interface ${name} was removed again, so nothing half-made is left.`, error.details);
      throw error;
    }
  }

  /** The interface as the UI gets it back, from a read taken after the change (or before it, when none was needed). */
  #result(state: RouterState, id: string): Result {
    const iface = byId(state, id);
    return { interface: interfaceView(state, iface), warnings: interfaceWarnings(state, iface) };
  }

  /** Reservations, the remembered endpoint and unfinished imports are filed under the interface name: they follow a rename. */
  #moveLocalRecords(routerId: string, from: string, to: string): void {
    // One transaction: a crash half way never leaves some reservations under the old name.
    this.#d.localTransaction(() => {
      this.#d.imports.followRename(routerId, from, to);
      this.#d.reservations.followRename(routerId, from, to);
      const endpoint = this.#d.endpoints.get(routerId, from);
      if (endpoint) {
        this.#d.endpoints.set(routerId, to, endpoint);
        this.#d.endpoints.clear(routerId, from);
      }
    });
  }
}
