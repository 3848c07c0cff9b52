// Whether a peer is connected, from what RouterOS reports: last-handshake age and rx counter.

export type PeerStatus = 'disabled' | 'online' | 'offline' | 'never-connected';

/**
 * Why 180 s and not 90 s: while a tunnel carries traffic (keepalives included) WireGuard starts a
 * new handshake every 120 s (REKEY_AFTER_TIME), so a healthy peer's last-handshake age climbs to
 * 120 s and a bit more before it resets. A 90 s threshold would show every healthy peer as
 * offline for half a minute of each two-minute cycle. After 180 s (REJECT_AFTER_TIME) the session
 * keys are dropped and no packet can pass without a new handshake, so that is the real edge.
 */
export const DEFAULT_ONLINE_THRESHOLD_MS = 180_000;

export interface PeerStatusInput {
  readonly disabled: boolean;
  /** Age of the last handshake in ms (parse RouterOS `last-handshake`); undefined when there was none. */
  readonly lastHandshakeMs: number | undefined;
  /** The rx counter grew since the previous poll: traffic arrives, so the peer is there. */
  readonly rxGrowing: boolean;
  readonly onlineThresholdMs?: number;
}

export function peerStatus(input: PeerStatusInput): PeerStatus {
  if (input.disabled) return 'disabled';
  if (input.rxGrowing) return 'online';
  if (input.lastHandshakeMs === undefined) return 'never-connected';
  return input.lastHandshakeMs <= (input.onlineThresholdMs ?? DEFAULT_ONLINE_THRESHOLD_MS) ? 'online' : 'offline';
}
