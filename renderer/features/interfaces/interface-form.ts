// The create/edit interface form as plain data, checked with the contract's own schemas. Edits send only
// what changed. Pure: no React.
import { clientRoutesSchema, interfaceContract, type InvokeInput, type WgInterface } from '../../../src/contract/index.ts';

export interface InterfaceFormValues {
  name: string;
  listenPort: string;
  mtu: string;
  comment: string;
  /** Create only: the router's own tunnel address with its prefix, 10.20.0.1/24. */
  address: string;
}

export type InterfaceField = 'name' | 'listenPort' | 'mtu' | 'comment' | 'address';
export const INTERFACE_FIELDS: readonly InterfaceField[] = ['name', 'listenPort', 'mtu', 'comment', 'address'];

export type InterfaceErrors = Partial<Record<InterfaceField, string>>;

export function emptyInterfaceForm(): InterfaceFormValues {
  return { name: '', listenPort: '', mtu: '', comment: '', address: '' };
}

export function interfaceFormFrom(row: WgInterface): InterfaceFormValues {
  return { name: row.name, listenPort: String(row.listenPort), mtu: String(row.mtu), comment: row.comment, address: '' };
}

/** Typed numbers stay text until sent, so "13a" is shown back with an error rather than becoming NaN. */
function numberOf(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function toErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): InterfaceErrors {
  const errors: InterfaceErrors = {};
  for (const issue of issues) {
    const field = INTERFACE_FIELDS.find((f) => f === issue.path[0]);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

type Checked<T> = { ok: true; input: T } | { ok: false; errors: InterfaceErrors };

export function toCreateInterface(routerId: string, v: InterfaceFormValues): Checked<InvokeInput<'interfaces:create'>> {
  const input: InvokeInput<'interfaces:create'> = { routerId, name: v.name.trim() };
  if (v.listenPort.trim()) input.listenPort = numberOf(v.listenPort);
  if (v.mtu.trim()) input.mtu = numberOf(v.mtu);
  if (v.comment.trim()) input.comment = v.comment.trim();
  if (v.address.trim()) input.address = v.address.trim();
  const parsed = interfaceContract['interfaces:create'].input.safeParse(input);
  return parsed.success ? { ok: true, input } : { ok: false, errors: toErrors(parsed.error.issues) };
}

/** Only what changed; null when nothing did. */
export function toUpdateInterface(routerId: string, row: WgInterface, original: InterfaceFormValues, v: InterfaceFormValues): Checked<InvokeInput<'interfaces:update'>> | null {
  const input: InvokeInput<'interfaces:update'> = { routerId, interfaceId: row.id };
  let changed = false;
  if (v.name.trim() !== original.name) {
    input.name = v.name.trim();
    changed = true;
  }
  if (v.listenPort.trim() !== original.listenPort) {
    input.listenPort = numberOf(v.listenPort);
    changed = true;
  }
  if (v.mtu.trim() !== original.mtu) {
    input.mtu = numberOf(v.mtu);
    changed = true;
  }
  if (v.comment.trim() !== original.comment.trim()) {
    input.comment = v.comment.trim();
    changed = true;
  }
  if (!changed) return null;
  const parsed = interfaceContract['interfaces:update'].input.safeParse(input);
  return parsed.success ? { ok: true, input } : { ok: false, errors: toErrors(parsed.error.issues) };
}

/**
 * Client routes as typed ("10.20.0.0/24, 192.168.88.0/24", or one a line), checked with the contract's schema;
 * error 'required' when none is given (going back to the full tunnel is its own button).
 */
export function toClientRoutes(text: string): { ok: true; routes: string[] } | { ok: false; error: string } {
  const routes = text.split(/[\s,;]+/).filter(Boolean);
  if (routes.length === 0) return { ok: false, error: 'required' };
  const parsed = clientRoutesSchema.safeParse(routes);
  if (parsed.success) return { ok: true, routes };
  const issue = parsed.error.issues[0];
  const bad = typeof issue?.path[0] === 'number' ? routes[issue.path[0]] : undefined;
  return { ok: false, error: bad ? `${bad}: ${issue!.message}` : (issue?.message ?? '') };
}

/** The rule that drops an interface's port, as the screens name it: its comment, or its action and id. */
export function blockingRuleName(t: (key: string, params: Record<string, string>) => string, firewall: WgInterface['firewall']): string {
  return firewall.blockedBy?.comment || t('interfaces.dropRule', { action: firewall.blockedBy?.action ?? 'drop', id: firewall.blockedBy?.id ?? '' });
}
