// The add/edit router form as plain data: defaults, transport/port coupling, validation with the
// contract's own zod schema (so the form and main can never disagree), and the update patch on edit.
import { routerDraftSchema, type RouterDraft, type RouterProfile, type RouterUpdate, type Transport } from '../../../src/contract/index.ts';

export interface RouterFormValues {
  name: string;
  host: string;
  transport: Transport;
  /** Kept as typed so "87a" can be shown back with an error instead of silently becoming NaN. */
  port: string;
  username: string;
  password: string;
  tlsFingerprint: string | null;
  allowAnonymousTls: boolean;
}

export type FormField = keyof RouterFormValues;

/** A field error: an i18n key for the UI language and the schema's English sentence as fallback. */
export interface FieldIssue {
  key: string;
  message: string;
}

export const DEFAULT_PORTS: Record<Transport, number> = { api: 8728, 'api-ssl': 8729 };

export function emptyForm(): RouterFormValues {
  return {
    name: '',
    host: '',
    // API-SSL by default: plain API sends the RouterOS password unencrypted.
    transport: 'api-ssl',
    port: String(DEFAULT_PORTS['api-ssl']),
    username: 'admin',
    password: '',
    tlsFingerprint: null,
    allowAnonymousTls: false,
  };
}

export function formFromProfile(profile: RouterProfile): RouterFormValues {
  return {
    name: profile.name,
    host: profile.host,
    transport: profile.transport,
    port: String(profile.port),
    username: profile.username,
    password: '',
    tlsFingerprint: profile.tlsFingerprint,
    allowAnonymousTls: profile.allowAnonymousTls,
  };
}

/** Switching transport moves the port along only while it is still the old transport's default. */
export function switchTransport(values: RouterFormValues, next: Transport): RouterFormValues {
  if (values.transport === next) return values;
  const trimmed = values.port.trim();
  const wasDefault = trimmed === '' || trimmed === String(DEFAULT_PORTS[values.transport]);
  return { ...values, transport: next, port: wasDefault ? String(DEFAULT_PORTS[next]) : values.port };
}

export function parsePort(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed === '' ? Number.NaN : Number(trimmed);
}

function issueKey(field: FormField, code: string, expected: unknown): string {
  switch (field) {
    case 'name':
      // The contract's refusal of control characters (a tab or line break pasted with the name).
      if (code === 'custom') return 'routerForm.errors.nameControl';
      return code === 'too_big' ? 'routerForm.errors.nameTooLong' : 'routerForm.errors.nameRequired';
    case 'host':
      if (code === 'too_small') return 'routerForm.errors.hostRequired';
      if (code === 'too_big') return 'routerForm.errors.hostTooLong';
      return 'routerForm.errors.hostInvalid';
    case 'port':
      if (code === 'invalid_type') return expected === 'int' ? 'routerForm.errors.portWhole' : 'routerForm.errors.portNumber';
      return 'routerForm.errors.portRange';
    case 'username':
      if (code === 'custom') return 'routerForm.errors.usernameControl';
      return code === 'too_big' ? 'routerForm.errors.usernameTooLong' : 'routerForm.errors.usernameRequired';
    case 'password':
      return 'routerForm.errors.passwordTooLong';
    case 'tlsFingerprint':
      return 'routerForm.errors.fingerprintInvalid';
    default:
      return 'routerForm.errors.generic';
  }
}

export interface ValidationResult {
  draft: RouterDraft | null;
  errors: Partial<Record<FormField, FieldIssue>>;
}

export function validateForm(values: RouterFormValues): ValidationResult {
  const parsed = routerDraftSchema.safeParse({
    name: values.name,
    host: values.host,
    port: parsePort(values.port),
    transport: values.transport,
    username: values.username,
    password: values.password,
    tlsFingerprint: values.tlsFingerprint,
    allowAnonymousTls: values.allowAnonymousTls,
  });
  if (parsed.success) return { draft: parsed.data, errors: {} };
  const errors: Partial<Record<FormField, FieldIssue>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(field in values)) continue;
    const key = field as FormField;
    if (errors[key]) continue; // first problem per field is enough
    errors[key] = { key: issueKey(key, issue.code, (issue as { expected?: unknown }).expected), message: issue.message };
  }
  return { draft: null, errors };
}

/** Only what changed; a blank password means "keep the stored one" (null). */
export function toUpdate(original: RouterProfile, draft: RouterDraft): RouterUpdate {
  const update: RouterUpdate = { id: original.id, password: draft.password === '' ? null : draft.password };
  if (draft.name !== original.name) update.name = draft.name;
  if (draft.host !== original.host) update.host = draft.host;
  if (draft.port !== original.port) update.port = draft.port;
  if (draft.transport !== original.transport) update.transport = draft.transport;
  if (draft.username !== original.username) update.username = draft.username;
  if (draft.tlsFingerprint !== original.tlsFingerprint) update.tlsFingerprint = draft.tlsFingerprint;
  if (draft.allowAnonymousTls !== original.allowAnonymousTls) update.allowAnonymousTls = draft.allowAnonymousTls;
  return update;
}

/** True when a change invalidates an earlier connection test (anything but the display name). */
export function connectionFieldsDiffer(a: RouterFormValues, b: RouterFormValues): boolean {
  return (
    a.host !== b.host ||
    a.transport !== b.transport ||
    a.port !== b.port ||
    a.username !== b.username ||
    a.password !== b.password ||
    a.tlsFingerprint !== b.tlsFingerprint ||
    a.allowAnonymousTls !== b.allowAnonymousTls
  );
}
