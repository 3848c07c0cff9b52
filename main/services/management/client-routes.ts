// What an interface's client configs route into the tunnel (their AllowedIPs): the routes remembered for it
// (the set-up wizard's split tunnel, or set on the Interfaces tab), else the full tunnel. New peers, key
// rotations and CSV imports ask here, so every config of one interface routes the same networks.
import { normaliseAllowedAddressList } from '../../../src/domain/index.ts';
import type { ClientRoutesRepository } from '../../store/client-routes.ts';
import { FULL_TUNNEL } from './peer-input.ts';
import { valid } from './validate.ts';

/** Routes as given, in network form without duplicates; a VALIDATION error on `field` names a bad one. */
export function checkedClientRoutes(routes: readonly string[], field: string): string[] {
  return valid(normaliseAllowedAddressList(routes, { label: 'Client route' }), field);
}

/** The interface's remembered routes, else the full tunnel (0.0.0.0/0, ::/0). */
export function clientRoutesOf(repo: ClientRoutesRepository, routerId: string, iface: string): string[] {
  return repo.get(routerId, iface)?.routes ?? [...FULL_TUNNEL];
}
