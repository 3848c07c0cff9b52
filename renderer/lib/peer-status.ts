// How a peer's status and the online counts are shown, in one place for every screen (peer table, peer
// summary and status filter, interface rows, the Traffic tab's picker and panel), so no two can disagree.
// Main decides each peer's status (the monitor's rule); this only decides how it reads. While the listing is
// the last-known copy (the router is unreachable) nothing is green: an "online" peer is one that was online
// when WireDesk last read the router, and says so with when that was. Pure: unit-tested without a browser.
import type { PeerStatusValue } from '../../src/contract/index.ts';
import { formatAge, formatCount, type Translate } from './format.ts';
import { PEER_STATUS_VIEW, type Tone } from './status.ts';

/** Where a listing's rows come from: `live`, or the last-known copy read at `seenAt`. */
export interface Freshness {
  source: 'live' | 'cache';
  seenAt: number | null;
}

export interface PeerStatusShown {
  /** Main's verdict (the last-known one while `lastKnown`): what the status filter and sort use. */
  status: PeerStatusValue;
  tone: Tone;
  /** The words in a table cell or pill: "Online", "Last seen online 5 min ago". */
  label: string;
  /** The router is unreachable: this is the status when it was last read, not now. */
  lastKnown: boolean;
}

export function isLastKnown(freshness: Freshness): boolean {
  return freshness.source === 'cache';
}

/** Time since the router was last read; 0 when it never was (such a listing is not shown as rows). */
function sinceRead(freshness: Freshness, now: number): number {
  return freshness.seenAt === null ? 0 : Math.max(0, now - freshness.seenAt);
}

/** The colour of a status: the usual one while live, neutral for every last-known status. */
export function statusTone(status: PeerStatusValue, freshness: Freshness): Tone {
  return isLastKnown(freshness) ? 'neutral' : PEER_STATUS_VIEW[status].tone;
}

export function peerStatusShown(peer: { status: PeerStatusValue; lastHandshakeMs: number | null }, freshness: Freshness, now: number, t: Translate): PeerStatusShown {
  const { status } = peer;
  const tone = statusTone(status, freshness);
  if (!isLastKnown(freshness)) return { status, tone, label: t(PEER_STATUS_VIEW[status].labelKey), lastKnown: false };
  const age = sinceRead(freshness, now);
  let label: string;
  if (status === 'online') label = t('peerStatus.lastSeenOnline', { age: formatAge(age, t) });
  // The handshake's age was measured when the router was read: it is that much older now.
  else if (status === 'offline' && peer.lastHandshakeMs !== null) label = t('peerStatus.offlineLastHandshake', { age: formatAge(age + peer.lastHandshakeMs, t) });
  else label = t(PEER_STATUS_VIEW[status].labelKey);
  return { status, tone, label, lastKnown: true };
}

/** A status filter's option: "Online", or "Online when last seen" for the last-known copy. */
export function statusFilterLabel(status: PeerStatusValue, freshness: Freshness, t: Translate): string {
  const label = t(PEER_STATUS_VIEW[status].labelKey);
  return isLastKnown(freshness) ? t('peerStatus.whenLastSeen', { status: label }) : label;
}

/** null while live; "when last seen, 5 min ago" for the last-known copy (after a count). */
export function lastKnownNote(freshness: Freshness, now: number, t: Translate): string | null {
  return isLastKnown(freshness) ? t('peerStatus.lastSeenNote', { age: formatAge(sinceRead(freshness, now), t) }) : null;
}

export interface OnlineCountShown {
  /** "3 of 10 peers online" or "3 of 10 peers online when last seen, 5 min ago". */
  text: string;
  /** Green only for a live count above zero. */
  tone: Tone;
  lastKnown: boolean;
}

/** The online count of a set of peers, live or last-known; `total` null leaves the "of N" out. */
export function onlineCountShown(online: number, total: number | null, freshness: Freshness, now: number, t: Translate, locale: string): OnlineCountShown {
  const lastKnown = isLastKnown(freshness);
  const formatted = formatCount(online, locale);
  const base = total === null
    ? t('peerStatus.onlineCount', { count: online, formatted })
    : t('peerStatus.onlineOfTotal', { count: total, online: formatted, total: formatCount(total, locale) });
  const note = lastKnownNote(freshness, now, t);
  return {
    text: note ? t('peerStatus.withNote', { text: base, note }) : base,
    tone: lastKnown || online === 0 ? 'neutral' : 'ok',
    lastKnown,
  };
}
