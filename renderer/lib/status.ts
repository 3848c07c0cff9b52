// How each connection state looks: a tone (the colour) and a label key (the words, for colour-blind
// users and for everyone scanning a list). Pure data, shared by the sidebar, the header and tests.
import type { ConnectionState, PeerStatusValue } from '../../src/contract/index.ts';

export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

export const CONNECTION_STATE_VIEW: Record<ConnectionState, { tone: Tone; labelKey: string; pulse?: boolean }> = {
  online: { tone: 'ok', labelKey: 'status.online' },
  connecting: { tone: 'info', labelKey: 'status.connecting', pulse: true },
  idle: { tone: 'neutral', labelKey: 'status.idle' },
  offline: { tone: 'danger', labelKey: 'status.offline' },
  'auth-failed': { tone: 'danger', labelKey: 'status.authFailed' },
  'certificate-mismatch': { tone: 'danger', labelKey: 'status.certificateMismatch' },
  'certificate-untrusted': { tone: 'warn', labelKey: 'status.certificateUntrusted' },
  unsupported: { tone: 'warn', labelKey: 'status.unsupported' },
  'keychain-unavailable': { tone: 'warn', labelKey: 'status.keychainUnavailable' },
};

export const PEER_STATUS_VIEW: Record<PeerStatusValue, { tone: Tone; labelKey: string }> = {
  online: { tone: 'ok', labelKey: 'peerStatus.online' },
  offline: { tone: 'danger', labelKey: 'peerStatus.offline' },
  'never-connected': { tone: 'neutral', labelKey: 'peerStatus.never' },
  disabled: { tone: 'neutral', labelKey: 'peerStatus.disabled' },
};
