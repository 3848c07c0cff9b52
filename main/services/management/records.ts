// What WireDesk keeps for itself: the audit log (query only), address reservations, and the public endpoint
// and client routes per interface. None of these touch the router, so they work offline; changes are still
// audited, since they decide which addresses, endpoints and routes future peers get. A reservation must be an address the picker
// could hand out and no peer has yet, checked against the router copy saved at the last read.
import { AppError, type InvokeOutput, type InvokeParsedInput } from '../../../src/contract/index.ts';
import { formatEndpoint, isPrivateOrLocalAddress, parseCidr, parseEndpointHost } from '../../../src/domain/index.ts';
import type { ManagementDeps } from './deps.ts';
import { checkReservable } from './allocation.ts';
import { checkedClientRoutes } from './client-routes.ts';
import { interfaceByName } from './router-read.ts';
import { invalid, valid } from './validate.ts';
import { mapErrors } from '../errors.ts';

type Reserve = InvokeParsedInput<'reservations:reserve'>;
type ByInterface = { routerId: string; interface: string };

/** "10.20.0.50" and "10.20.0.50/32" are the same reservation; only single addresses can be reserved. */
function reservedAddress(text: string): string {
  const cidr = valid(parseCidr(text, { label: 'Reserved address' }), 'address');
  if (cidr.prefix !== (cidr.family === 4 ? 32 : 128)) {
    throw invalid('address', `Reserve single addresses, like 10.20.0.50; ${text} is a whole subnet.`);
  }
  return cidr.text;
}

export class LocalRecords {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  auditList(input: InvokeParsedInput<'audit:list'>): InvokeOutput<'audit:list'> {
    if (input.from !== undefined && input.to !== undefined && input.from >= input.to) {
      throw new AppError('VALIDATION', 'The time range ends before it starts: pick a "to" after "from".', { field: 'to' });
    }
    const { actions, ...rest } = input;
    return this.#d.auditLog.query({ ...rest, ...(actions ? { action: actions } : {}) });
  }

  reservations(input: InvokeParsedInput<'reservations:list'>): InvokeOutput<'reservations:list'> {
    this.#d.sessions.requireRouter(input.routerId);
    return this.#d.reservations.list(input.routerId, input.interface);
  }

  async reserve(input: Reserve): Promise<InvokeOutput<'reservations:reserve'>> {
    const address = reservedAddress(input.address);
    this.#d.sessions.requireRouter(input.routerId);
    // Checked against the router model: live when the router is reachable (synced, so a peer added in
    // WinBox a moment ago counts), the copy of the last read when it is not. Never read: nothing to check.
    const known = await this.#d.models.state(input.routerId);
    const state = known.source === 'live' ? await this.#d.models.live(input.routerId).catch(() => known) : known;
    if (state.seenAt !== null) checkReservable(state, interfaceByName(state, input.interface).name, address);
    return mapErrors(() => {
      const made = this.#d.reservations.reserve(input.routerId, input.interface, address, input.note);
      this.#d.audit.ok({ ...this.#subject(input, 'create', 'reservation'), objectName: address }, { interface: input.interface, address, note: input.note });
      return made;
    });
  }

  release(input: ByInterface & { address: string }): InvokeOutput<'reservations:release'> {
    const address = reservedAddress(input.address);
    this.#d.sessions.requireRouter(input.routerId);
    const released = this.#d.reservations.release(input.routerId, input.interface, address);
    if (released) this.#d.audit.ok({ ...this.#subject(input, 'delete', 'reservation'), objectName: address, before: { interface: input.interface, address } });
    return { released };
  }

  endpoint(input: ByInterface): InvokeOutput<'endpoints:get'> {
    this.#d.sessions.requireRouter(input.routerId);
    return this.#d.endpoints.get(input.routerId, input.interface);
  }

  async setEndpoint(input: InvokeParsedInput<'endpoints:set'>): Promise<InvokeOutput<'endpoints:set'>> {
    const host = valid(parseEndpointHost(input.host), 'host').host;
    this.#d.sessions.requireRouter(input.routerId);
    const before = this.#d.endpoints.get(input.routerId, input.interface);
    return mapErrors(() => {
      const saved = this.#d.endpoints.set(input.routerId, input.interface, { host, port: input.port });
      this.#d.audit.ok(
        { ...this.#subject(input, 'edit', 'endpoint'), before: before ? { endpoint: formatEndpoint(before.host, before.port) } : null },
        { endpoint: formatEndpoint(host, input.port), privateAddress: isPrivateOrLocalAddress(host) },
      );
      return saved;
    });
  }

  clearEndpoint(input: ByInterface): InvokeOutput<'endpoints:clear'> {
    this.#d.sessions.requireRouter(input.routerId);
    const before = this.#d.endpoints.get(input.routerId, input.interface);
    const cleared = this.#d.endpoints.clear(input.routerId, input.interface);
    if (cleared && before) this.#d.audit.ok({ ...this.#subject(input, 'delete', 'endpoint'), before: { endpoint: formatEndpoint(before.host, before.port) } });
    return { cleared };
  }

  clientRoutes(input: ByInterface): InvokeOutput<'clientRoutes:get'> {
    this.#d.sessions.requireRouter(input.routerId);
    return this.#d.clientRoutes.get(input.routerId, input.interface);
  }

  async setClientRoutes(input: InvokeParsedInput<'clientRoutes:set'>): Promise<InvokeOutput<'clientRoutes:set'>> {
    const routes = checkedClientRoutes(input.routes, 'routes');
    this.#d.sessions.requireRouter(input.routerId);
    const before = this.#d.clientRoutes.get(input.routerId, input.interface);
    return mapErrors(() => {
      const saved = this.#d.clientRoutes.set(input.routerId, input.interface, routes);
      this.#d.audit.ok({ ...this.#subject(input, 'edit', 'client-routes'), before: before ? { routes: before.routes } : null }, { routes });
      return saved;
    });
  }

  /** Configs made from now on route everything (the full tunnel); peers made already keep theirs. */
  clearClientRoutes(input: ByInterface): InvokeOutput<'clientRoutes:clear'> {
    this.#d.sessions.requireRouter(input.routerId);
    const before = this.#d.clientRoutes.get(input.routerId, input.interface);
    const cleared = this.#d.clientRoutes.clear(input.routerId, input.interface);
    if (cleared && before) this.#d.audit.ok({ ...this.#subject(input, 'delete', 'client-routes'), before: { routes: before.routes } });
    return { cleared };
  }

  #subject(input: ByInterface, action: 'create' | 'edit' | 'delete', objectType: 'reservation' | 'endpoint' | 'client-routes') {
    return { routerId: input.routerId, routerName: this.#d.sessions.routerName(input.routerId), action, objectType, objectName: input.interface };
  }
}
