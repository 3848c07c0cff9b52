// Keychain failures, told apart by `reason` so the message says what the technician should do.
// All share the stable code KEYCHAIN_UNAVAILABLE: whatever the cause, WireDesk cannot keep secrets
// right now, and it never falls back to storing them in clear text.

export type KeychainFailure = 'no-dbus' | 'no-secret-service' | 'no-keyring' | 'locked' | 'no-library' | 'unreliable' | 'timeout' | 'unknown';

const NO_CLEAR_TEXT = 'WireDesk will not store passwords in clear text.';
const NO_KEYCHAIN = `No OS keychain is available (Secret Service not running). Install and unlock GNOME Keyring or KWallet; ${NO_CLEAR_TEXT}`;

const MESSAGES: Record<Exclude<KeychainFailure, 'unknown' | 'timeout'>, string> = {
  // Without a session bus there is no Secret Service either: to the technician it is the same fix.
  'no-dbus': NO_KEYCHAIN,
  'no-secret-service': NO_KEYCHAIN,
  'no-keyring': `The OS keychain has no default "login" keyring. Create and unlock one (for example with Seahorse, "Passwords and Keys"), then try again; ${NO_CLEAR_TEXT}`,
  locked: `The OS keychain is locked. Unlock your login keyring (GNOME Keyring or KWallet) and try again; ${NO_CLEAR_TEXT}`,
  unreliable: `The OS keychain accepted a test entry but did not give it back or remove it as asked, so WireDesk cannot rely on it. Check that GNOME Keyring or KWallet is working and unlocked; ${NO_CLEAR_TEXT}`,
  'no-library': `WireDesk could not load the OS keychain library (libsecret). Install libsecret and GNOME Keyring or KWallet, then restart WireDesk; ${NO_CLEAR_TEXT}`,
};

export class SecretStoreUnavailableError extends Error {
  readonly code = 'KEYCHAIN_UNAVAILABLE' as const;
  readonly reason: KeychainFailure;

  constructor(reason: KeychainFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretStoreUnavailableError';
    this.reason = reason;
  }
}

/** Maps whatever keytar/libsecret threw to a typed error; the original stays in `cause`. */
export function keychainError(err: unknown): SecretStoreUnavailableError {
  if (err instanceof SecretStoreUnavailableError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return keychainFailure(classify(detail), detail, err);
}

/** The error for a known `reason`; `detail` is the platform's own text, shown when we cannot explain it better. */
export function keychainFailure(reason: KeychainFailure, detail = '', cause?: unknown): SecretStoreUnavailableError {
  const message = reason === 'unknown'
    ? `The OS keychain refused the request (${detail || 'no reason given'}). Check that GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager is available and unlocked; ${NO_CLEAR_TEXT}`
    : reason === 'timeout'
      ? `The OS keychain did not answer in time${detail ? ` (${detail})` : ''}; an unlock prompt may be waiting. Unlock your keyring and try again; ${NO_CLEAR_TEXT}`
      : MESSAGES[reason];
  return new SecretStoreUnavailableError(reason, message, { cause });
}

// Texts come from libsecret/GLib over D-Bus (Linux); other platforms land in 'unknown' with their text shown.
function classify(detail: string): KeychainFailure {
  if (/libsecret|cannot open shared object|failed to load keytar/i.test(detail)) return 'no-library';
  if (/locked|unlock|prompt.*(dismissed|cancel)/i.test(detail)) return 'locked';
  if (/collection\/login|no such (object|collection)|object does not exist/i.test(detail)) return 'no-keyring';
  if (/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service|secret service/i.test(detail)) return 'no-secret-service';
  if (/d-?bus|DBUS_SESSION_BUS_ADDRESS|X11 \$DISPLAY|failed to connect to socket|connection refused/i.test(detail)) return 'no-dbus';
  return 'unknown';
}
