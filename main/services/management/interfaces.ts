// WireGuard interfaces: create (the router makes the key pair; optionally the tunnel address in the same
// action, all or nothing), edit, enable/disable, and delete with a preview of everything that goes with it.
import { AppError, type InvokeOutput, type InvokeParsedInput, type PlanView } from '../../../src/contract/index.ts';
import { parseCidr, peerFeatures, rangeContains, validateComment, validateInterfaceName, validateListenPort, validateMtu } from '../../../src/domain/index.ts';
import type { ManagementWarning } from '../../../src/contract/index.ts';
import { WIREGUARD_PATH, wireGuardInterfaceParams } from '../../routeros/menus/wireguard.ts';
import { PEERS_PATH } from '../../routeros/menus/wireguard-peers.ts';
import type { Row } from '../../routeros/rows.ts';
import type { ApplyReport } from '../changes/apply.ts';
import { planAddressAdd, planInterfaceCreate, planInterfaceDelete, planInterfaceSet } from '../changes/interface-plans.ts';
import type { ChangePlan } from '../changes/plan.ts';
import { auditInterface } from './audit-views.ts';
import type { ManagementDeps } from './deps.ts';
import { checkAddressFree, checkNameAndPort, interfaceAddress } from './interface-checks.ts';
import { interfaceView, portState } from './interface-view.ts';
import { interfaceWarnings } from './prechecks.ts';
import type { RouterContext } from './router-session.ts';
import { interfaceAddresses, peerLabel, refuseDynamicInterface, type RouterInterface, type RouterWireGuard } from './router-read.ts';
import type { RouterState } from '../router-model/index.ts';
import { invalid, valid } from './validate.ts';
import { planMasquerade, planPortOpen } from '../changes/firewall-plans.ts';
import { masqueradeCheck } from './nat.ts';
import { proposeInterfaceAddress, proposeSetup } from './setup.ts';
import { blockingRuleRow } from './firewall.ts';
import { checkedClientRoutes } from './client-routes.ts';
import { combinePlans } from '../changes/plan.ts';
import { planDdnsOn } from '../changes/cloud-plans.ts';

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

/** Peers with a tunnel up now are named in a warning, at most this many (then "and N more"). */
const NAMED_PEERS = 3;

/**
 * What a change that takes an interface away (disable, delete, a new listen port) may cut: WireDesk's own
 * connection when the router's address in WireDesk is on that interface's subnet, and the tunnels of the peers
 * connected through it now (a technician working over one of them included). The router's own rollback is what
 * puts it back; the preview says so.
 */
export function linkWarnings(state: RouterState, iface: RouterInterface, routerHost: string | null, change: 'disable' | 'delete' | 'port'): ManagementWarning[] {
  const verb = change === 'disable' ? 'Disabling' : change === 'delete' ? 'Deleting' : 'Changing the listen port of';
  const out: ManagementWarning[] = [];
  const host = routerHost ? parseCidr(`${routerHost}/${routerHost.includes(':') ? 128 : 32}`) : null;
  if (host?.ok) {
    const on = state.addresses.find((a) => {
      if (a.interface !== iface.name || a.disabled) return false;
      const subnet = parseCidr(a.address, { allowHostBits: true });
      return subnet.ok && subnet.value.family === host.value.family && rangeContains(subnet.value, host.value);
    });
    if (on) {
      out.push({
        code: 'MAY_CUT_LINK',
        message: `WireDesk reaches this router at ${routerHost}, which is on ${iface.name} (${on.address}). ${verb} ${iface.name} cuts WireDesk's own connection: the router then undoes the change by itself after the rollback delay.`,
      });
    }
  }
  const connected = state.peers.filter((p) => p.interface === iface.name && p.status === 'online');
  if (connected.length > 0) {
    const names = connected.slice(0, NAMED_PEERS).map((p) => `"${peerLabel(p)}"`).join(', ');
    const more = connected.length > NAMED_PEERS ? ` and ${connected.length - NAMED_PEERS} more` : '';
    out.push({
      code: 'MAY_CUT_LINK',
      message: connected.length === 1
        ? `1 peer has a tunnel up through ${iface.name} now (${names}). ${verb} ${iface.name} cuts that tunnel, and anyone connected to the router through it.`
        : `${connected.length} peers have a tunnel up through ${iface.name} now (${names}${more}). ${verb} ${iface.name} cuts those tunnels, and anyone connected to the router through one of them.`,
    });
  }
  return out;
}

export class InterfaceManager {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async create(input: InvokeParsedInput<'interfaces:create'>): Promise<Result> {
    return this.#create(input, false) as Promise<Result>;
  }

  async previewCreate(input: InvokeParsedInput<'interfaces:create'>): Promise<PlanView> {
    return this.#create(input, true) as Promise<PlanView>;
  }

  async #create(input: InvokeParsedInput<'interfaces:create'>, preview: boolean): Promise<Result | PlanView> {
    const wanted = settings(input);
    const name = wanted.name ?? '';
    const address = input.address ? interfaceAddress(input.address) : undefined;
    const address6 = input.address6 ? interfaceAddress(input.address6) : undefined;
    if (address?.includes(':')) throw invalid('address', `${address} is an IPv6 address: give the IPv4 tunnel address here, and the IPv6 one alongside it.`);
    if (address6 !== undefined && !address6.includes(':')) throw invalid('address6', `${address6} is not an IPv6 address: give one such as fd12:3456:789a:1::1/64.`);
    if (input.masquerade && input.clientRoutes) throw invalid('clientRoutes', 'Choose one: a full tunnel (masquerade) or a split tunnel to the networks given, not both.');
    const clientRoutes = input.clientRoutes ? checkedClientRoutes(input.clientRoutes, 'clientRoutes') : null;
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const live = await this.#d.models.live(ctx.routerId);
      // /ip cloud and NAT are not followed between reads (router-model/parts.ts): read them now when the plan depends on them.
      const fresh = [...(input.ddns ? ['cloud' as const] : []), ...(input.masquerade ? ['nat' as const, 'interfaceLists' as const] : [])];
      const state = fresh.length > 0 ? await this.#d.models.readNow(ctx.routerId, ctx.client, fresh) : live;
      checkNameAndPort(state, wanted);
      if (address) checkAddressFree(state, address, name);
      if (address6) checkAddressFree(state, address6, name);
      // The router makes the interface's key pair: no private key ever crosses the wire or the plan.
      const created = planInterfaceCreate({ routerId: ctx.routerId, name, params: wireGuardInterfaceParams(wanted, ctx.version), address, address6, warnings: [] });
      // The wizard lets the port in with it, when the firewall would drop it: one plan, one backup, one undo.
      const blocker = input.openPort && wanted.listenPort !== undefined && state.parts.firewall.known ? blockingRuleRow(state.firewall, wanted.listenPort) : null;
      // And turns on IP Cloud DDNS when asked and it is off, so clients can dial the router's stable name.
      const cloud = input.ddns && state.cloud && state.cloud.ddnsEnabled !== true ? planDdnsOn({ routerId: ctx.routerId, before: state.cloud.ddnsEnabled === 'auto' ? 'auto' : 'no' }) : null;
      // And, for full-tunnel clients, masquerades the tunnel subnet out of the WAN list when no NAT rule does.
      const masquerade = input.masquerade ? this.#masqueradePlan(state, ctx.routerId, name, address) : null;
      const parts = [created, ...(blocker ? [planPortOpen({ routerId: ctx.routerId, iface: name, port: wanted.listenPort!, blocker })] : []), ...(masquerade ? [masquerade] : []), ...(cloud ? [cloud] : [])];
      const plan = parts.length > 1 ? combinePlans('interface.create', created.subject, parts) : created;
      if (preview) return this.#d.previews.keep(plan, null);
      this.#confirm(input.planId, ctx.routerId, plan);
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'create' as const, objectType: 'interface' as const, objectName: name };
      const made = await this.#d.audit.record(subject, async () => {
        const applied = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: 'interface.create', params: { name } } });
        const id = applied.ids[0]!;
        const after = await this.#d.models.state(ctx.routerId);
        return { value: { id, after, report: applied.report }, objectId: id, after: auditInterface(byId(after, id), [address, address6].filter((a): a is string => a !== undefined)), planId: applied.report.planId };
      });
      // With DDNS, clients dial the router's cloud name: remembered for the new interface, so its peers' configs have it.
      // (IP Cloud was read back by the plan's verification when it set DDNS, or just before the plan when DDNS was on.)
      const dnsName = input.ddns ? made.after.cloud?.dnsName : undefined;
      this.#d.localTransaction(() => {
        if (dnsName) this.#d.endpoints.set(ctx.routerId, name, { host: dnsName, port: byId(made.after, made.id).listenPort });
        // The tunnel chosen now is what every client config of the interface routes. Without a split, none is
        // remembered: one left under this name by an interface deleted in WinBox would not be this one's choice.
        if (clientRoutes) this.#d.clientRoutes.set(ctx.routerId, name, clientRoutes);
        else this.#d.clientRoutes.clear(ctx.routerId, name);
      });
      return { ...this.#result(made.after, made.id), report: made.report };
    });
  }

  async update(input: InvokeParsedInput<'interfaces:update'>): Promise<Result> {
    return this.#update(input, false) as Promise<Result>;
  }

  async previewUpdate(input: InvokeParsedInput<'interfaces:update'>): Promise<PlanView> {
    return this.#update(input, true) as Promise<PlanView>;
  }

  async #update(input: InvokeParsedInput<'interfaces:update'>, preview: boolean): Promise<Result | PlanView> {
    const wanted = settings(input);
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = byId(state, input.interfaceId);
      refuseDynamicInterface(iface);
      checkNameAndPort(state, wanted, iface.id);
      const current: Settings = { name: iface.name, listenPort: iface.listenPort, mtu: iface.mtu, comment: iface.comment };
      const change = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => v !== current[k as keyof Settings])) as Settings;
      if (Object.keys(change).length === 0) {
        if (preview) throw new AppError('VALIDATION', 'Nothing would change: every field already has the value given.');
        return this.#result(state, iface.id);
      }
      const warnings = change.listenPort !== undefined ? linkWarnings(state, iface, this.#host(ctx.routerId), 'port') : [];
      const plan = planInterfaceSet({ routerId: ctx.routerId, kind: 'interface.update', iface, params: wireGuardInterfaceParams(change, ctx.version), label: `Changing WireGuard interface ${iface.name}`, warnings });
      if (preview) return this.#d.previews.keep(plan, null);
      this.#confirm(input.planId, ctx.routerId, plan);
      const { after, report } = await this.#set(ctx, iface, 'edit', plan, input.planId);
      if (change.name !== undefined) this.#moveLocalRecords(ctx.routerId, iface.name, change.name);
      return { ...this.#result(after, iface.id), report };
    });
  }

  async setDisabled(input: InvokeParsedInput<'interfaces:setDisabled'>): Promise<Result> {
    return this.#setDisabled(input, false) as Promise<Result>;
  }

  async previewSetDisabled(input: InvokeParsedInput<'interfaces:setDisabled'>): Promise<PlanView> {
    return this.#setDisabled(input, true) as Promise<PlanView>;
  }

  async #setDisabled(input: InvokeParsedInput<'interfaces:setDisabled'>, preview: boolean): Promise<Result | PlanView> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = byId(state, input.interfaceId);
      refuseDynamicInterface(iface);
      if (iface.disabled === input.disabled) {
        if (preview) throw new AppError('VALIDATION', `Interface ${iface.name} is already ${input.disabled ? 'disabled' : 'enabled'}: nothing would change.`);
        return this.#result(state, iface.id);
      }
      const action = input.disabled ? 'disable' : 'enable';
      const plan = planInterfaceSet({
        routerId: ctx.routerId, kind: input.disabled ? 'interface.disable' : 'interface.enable', iface, params: { disabled: input.disabled },
        label: `${input.disabled ? 'Disabling' : 'Enabling'} WireGuard interface ${iface.name}`,
        warnings: input.disabled ? linkWarnings(state, iface, this.#host(ctx.routerId), 'disable') : [],
      });
      if (preview) return this.#d.previews.keep(plan, null);
      this.#confirm(input.planId, ctx.routerId, plan);
      const { after, report } = await this.#set(ctx, iface, action, plan, input.planId);
      return { ...this.#result(after, iface.id), report };
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
        // With the secrets read, as the delete will: the undo script shown is the one the router is given.
        plan: this.#d.previews.keep(this.#deletePlan(ctx, state, iface, await this.#secrets(ctx, iface)), null),
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
      const plan = this.#deletePlan(ctx, state, iface, await this.#secrets(ctx, iface));
      this.#confirm(input.planId, ctx.routerId, plan);
      const peers = state.peers.filter((p) => p.interface === iface.name);
      const addresses = state.addresses.filter((a) => a.interface === iface.name && !a.dynamic);
      const before = { ...auditInterface(iface, addresses.map((a) => a.address)), peers: peers.map((p) => ({ name: peerLabel(p), publicKey: p.publicKey, allowedAddress: p.allowedAddress })) };
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'delete' as const, objectType: 'interface' as const, objectId: iface.id, objectName: iface.name, before };
      this.#d.models.expectRemoval(ctx.routerId, peers.map((p) => p.id));
      const report = await this.#d.audit.record(subject, async () => {
        const applied = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: 'interface.delete', params: { name: iface.name, peers: peers.length } } });
        return { value: applied.report, after: null, planId: applied.report.planId };
      });
      await this.#d.models.readNow(ctx.routerId, ctx.client, ['interfaces', 'addresses']);
      this.#d.localTransaction(() => {
        for (const peer of peers) {
          this.#d.keys.forget(ctx.routerId, peer.publicKey);
          this.#d.models.forgetPeer(ctx.routerId, peer);
        }
        this.#d.reservations.releaseAll(ctx.routerId, iface.name);
        this.#d.endpoints.clear(ctx.routerId, iface.name);
        this.#d.clientRoutes.clear(ctx.routerId, iface.name);
      });
      return { deleted: true as const, removedPeers: peers.length, removedAddresses: addresses.length, report };
    });
  }

  /**
   * Secrets are not in the model: read for this change only, so the router's rollback can put the interface
   * back with its own key and the peers with theirs (sent, never shown: the preview says <hidden>).
   */
  async #secrets(ctx: RouterContext, iface: RouterInterface): Promise<{ iface: Row | null; peers: ReadonlyMap<string, Row> }> {
    return {
      iface: (await ctx.client.print(WIREGUARD_PATH, { query: [`.id=${iface.id}`] }))[0] ?? null,
      peers: new Map((await ctx.client.print(PEERS_PATH, { query: [`interface=${iface.name}`] })).map((r) => [r['.id'] ?? '', r])),
    };
  }

  #deletePlan(ctx: RouterContext, state: RouterState, iface: RouterInterface, secrets: { iface: Row | null; peers: ReadonlyMap<string, Row> } | null): ChangePlan {
    return planInterfaceDelete({
      routerId: ctx.routerId,
      iface,
      privateKey: secrets?.iface?.['private-key'] ?? null,
      peers: state.peers.filter((p) => p.interface === iface.name),
      peerSecrets: secrets?.peers ?? new Map(),
      addresses: state.addresses.filter((a) => a.interface === iface.name && !a.dynamic),
      responderParam: peerFeatures(ctx.version).responderParam,
      warnings: linkWarnings(state, iface, this.#host(ctx.routerId), 'delete'),
    });
  }

  /** The set-up wizard's proposal, from the live model (nothing is sent). */
  async propose(input: InvokeParsedInput<'setup:propose'>): Promise<InvokeOutput<'setup:propose'>> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      await this.#d.models.live(ctx.routerId);
      // /ip cloud, NAT and the interface lists are not followed between reads: the choices are made on what they say now.
      return proposeSetup(await this.#d.models.readNow(ctx.routerId, ctx.client, ['cloud', 'nat', 'interfaceLists']));
    });
  }

  async openPort(input: InvokeParsedInput<'interfaces:openPort'>): Promise<Result> {
    return this.#openPort(input, false) as Promise<Result>;
  }

  async previewOpenPort(input: InvokeParsedInput<'interfaces:openPort'>): Promise<PlanView> {
    return this.#openPort(input, true) as Promise<PlanView>;
  }

  /** The fix for FIREWALL_CLOSED: an input accept for the listen port, placed before the rule that drops it. */
  async #openPort(input: InvokeParsedInput<'interfaces:openPort'>, preview: boolean): Promise<Result | PlanView> {
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = byId(state, input.interfaceId);
      const port = portState(state, iface.listenPort);
      if (port.state === 'unknown') {
        throw new AppError('CONFLICT', `WireDesk could not read this router's firewall, so it cannot place a rule for UDP port ${iface.listenPort}: give the login read access to /ip firewall, or add the rule in WinBox.`, { reason: 'firewall-unknown' });
      }
      const blocker = port.state === 'closed' ? state.firewall.find((r) => r['.id'] === port.blockedBy?.id) : undefined;
      if (!blocker) throw new AppError('VALIDATION', `The firewall already lets UDP port ${iface.listenPort} in for ${iface.name}: nothing to fix.`, { reason: 'port-open' });
      const plan = planPortOpen({ routerId: ctx.routerId, iface: iface.name, port: iface.listenPort, blocker });
      if (preview) return this.#d.previews.keep(plan, null);
      this.#confirm(input.planId, ctx.routerId, plan);
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'create' as const, objectType: 'firewall-rule' as const, objectName: plan.subject.label };
      const report = await this.#d.audit.record(subject, async () => {
        const applied = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: 'interface.openPort', params: { name: iface.name, port: iface.listenPort } } });
        return { value: applied.report, objectId: applied.ids[0] ?? undefined, after: plan.diff[0]!.after, planId: applied.report.planId };
      });
      return { ...this.#result(await this.#d.models.state(ctx.routerId), iface.id), report };
    });
  }

  async addAddress(input: InvokeParsedInput<'interfaces:addAddress'>): Promise<Result> {
    return this.#addAddress(input, false) as Promise<Result>;
  }

  async previewAddAddress(input: InvokeParsedInput<'interfaces:addAddress'>): Promise<PlanView> {
    return this.#addAddress(input, true) as Promise<PlanView>;
  }

  /** The fix for an interface without an IP address: the router's own address on the tunnel subnet. */
  async #addAddress(input: InvokeParsedInput<'interfaces:addAddress'>, preview: boolean): Promise<Result | PlanView> {
    const given = input.address ? interfaceAddress(input.address) : undefined;
    return this.#d.sessions.run(input.routerId, async (ctx) => {
      const state = await this.#d.models.live(ctx.routerId);
      const iface = byId(state, input.interfaceId);
      refuseDynamicInterface(iface);
      // The same router state proposes the same address: the apply after a preview sends what it showed.
      const address = given ?? proposeInterfaceAddress(state, iface.name);
      if (!address) throw invalid('address', `WireDesk found no free subnet for ${iface.name}: give its address yourself, for example 10.20.0.1/24.`);
      checkAddressFree(state, address, iface.name);
      const plan = planAddressAdd({ routerId: ctx.routerId, iface: iface.name, address });
      if (preview) return this.#d.previews.keep(plan, null);
      this.#confirm(input.planId, ctx.routerId, plan);
      const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action: 'edit' as const, objectType: 'interface' as const, objectId: iface.id, objectName: iface.name, before: auditInterface(iface, interfaceAddresses(state, iface.name)) };
      const report = await this.#d.audit.record(subject, async () => {
        const applied = await this.#d.plans.apply(ctx, plan, { planId: input.planId, subject: { code: 'interface.addAddress', params: { name: iface.name, address } } });
        const after = await this.#d.models.state(ctx.routerId);
        return { value: applied.report, after: auditInterface(byId(after, iface.id), interfaceAddresses(after, iface.name)), planId: applied.report.planId };
      });
      return { ...this.#result(await this.#d.models.state(ctx.routerId), iface.id), report };
    });
  }

  /** The masquerade a full tunnel needs, or null when a NAT rule already covers the subnet; refused when WireDesk cannot tell or place one. */
  #masqueradePlan(state: RouterState, routerId: string, iface: string, address: string | undefined): ChangePlan | null {
    if (!address) throw invalid('masquerade', 'A full tunnel needs the interface\'s address: give one, so WireDesk knows which subnet to masquerade.');
    const subnet = parseCidr(address, { allowHostBits: true });
    if (!subnet.ok) return null; // interfaceAddress checked it already
    const check = masqueradeCheck(state, subnet.value.text);
    if (check.state === 'covered') return null;
    if (check.state === 'unknown') {
      throw invalid('masquerade', `WireDesk could not read this router's NAT rules, so it cannot tell whether ${subnet.value.text} reaches the internet: give the login read access to /ip firewall, or create the interface without a full tunnel.`);
    }
    if (!check.wanList) {
      throw invalid('masquerade', `This router has no WAN interface list, so WireDesk cannot tell which interface leads to the internet: add a masquerade for ${subnet.value.text} out of it in WinBox (IP → Firewall → NAT), or create the interface without a full tunnel.`);
    }
    return planMasquerade({ routerId, iface, subnet: subnet.value.text, before: check.exemptedBy?.id ?? null });
  }

  /** The address WireDesk dials this router at, as configured. */
  #host(routerId: string): string | null {
    return this.#d.routers.get(routerId)?.host ?? null;
  }

  /** Applies the plan and returns the router as read right after it (for the audit entry and the answer). */
  async #set(ctx: RouterContext, iface: RouterInterface, action: 'edit' | 'enable' | 'disable', plan: ChangePlan, planId: string | undefined): Promise<{ after: RouterState; report: ApplyReport }> {
    const subject = { routerId: ctx.routerId, routerName: ctx.routerName, action, objectType: 'interface' as const, objectId: iface.id, objectName: iface.name, before: auditInterface(iface) };
    return this.#d.audit.record(subject, async () => {
      const applied = await this.#d.plans.apply(ctx, plan, { planId, subject: { code: action === 'edit' ? 'interface.update' : `interface.${action}`, params: { name: iface.name } } });
      const after = await this.#d.models.state(ctx.routerId);
      return { value: { after, report: applied.report }, after: auditInterface(byId(after, iface.id)), planId: applied.report.planId };
    });
  }

  /** A previewed plan is applied only as previewed (PLAN_STALE otherwise). */
  #confirm(planId: string | undefined, routerId: string, plan: ChangePlan): void {
    if (!planId) return;
    this.#d.previews.check(planId, plan);
  }

  /** The interface as the UI gets it back, from a read taken after the change (or before it, when none was needed). */
  #result(state: RouterState, id: string): Result {
    const iface = byId(state, id);
    return { interface: interfaceView(state, iface), warnings: interfaceWarnings(state, iface) };
  }

  /** Reservations, the remembered endpoint and client routes, and unfinished imports are filed under the interface name: they follow a rename. */
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
      this.#d.clientRoutes.followRename(routerId, from, to);
    });
  }
}
