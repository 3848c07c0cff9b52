// A peer's status after a poll, and when the change happened. The rule itself is the domain's
// peerStatus (online while the handshake is at most the threshold old or rx is still growing); this adds
// the timing, so "offline" is dated when the handshake crossed the threshold, not when a poll noticed.
import { peerStatus } from '../../src/domain/index.ts';
import type { PeerStatus } from './types.ts';

export interface StatusInput {
  readonly disabled: boolean;
  readonly lastHandshakeMs: number | undefined;
  /** undefined on a baseline poll (first after start or after a gap): nothing to compare rx with. */
  readonly rxGrowing: boolean | undefined;
  readonly thresholdMs: number;
  /** When the poll read the row. */
  readonly t: number;
  /** Earliest moment a change can date from: when the peer was last seen in its previous status. */
  readonly since: number | undefined;
}

export interface StatusChange {
  readonly status: PeerStatus;
  readonly at: number;
}

/** The new status and its start, or undefined when it did not change (or cannot be told yet). */
export function nextStatus(prev: PeerStatus | null, input: StatusInput): StatusChange | undefined {
  const { disabled, lastHandshakeMs, thresholdMs, t } = input;
  const status = peerStatus({ disabled, lastHandshakeMs, rxGrowing: input.rxGrowing === true, onlineThresholdMs: thresholdMs });
  if (status === prev) return undefined;
  // A peer online only through rx growth would read offline on a baseline poll and flap back on the next.
  if (input.rxGrowing === undefined && prev === 'online' && (status === 'offline' || status === 'never-connected')) return undefined;

  const clamp = (at: number): number => Math.min(t, Math.max(input.since ?? -Infinity, at));
  if (status === 'offline' && lastHandshakeMs !== undefined) return { status, at: clamp(t - lastHandshakeMs + thresholdMs) };
  if (status === 'online' && lastHandshakeMs !== undefined && lastHandshakeMs <= thresholdMs) return { status, at: clamp(t - lastHandshakeMs) };
  return { status, at: t };
}

/**
 * The status of a peer the polls have not judged yet (just added, or changed by WireDesk a moment ago):
 * disabled at once when it was disabled, else what it was, else what its handshake says. The next poll
 * decides for good.
 */
export function statusBeforePoll(
  peer: { readonly disabled: boolean; readonly lastHandshakeMs: number | undefined },
  previous: PeerStatus | undefined,
  thresholdMs: number,
): PeerStatus {
  if (peer.disabled) return 'disabled';
  if (previous !== undefined && previous !== 'disabled') return previous;
  return peerStatus({ disabled: false, lastHandshakeMs: peer.lastHandshakeMs, rxGrowing: false, onlineThresholdMs: thresholdMs });
}
