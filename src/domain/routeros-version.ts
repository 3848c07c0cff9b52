// RouterOS version strings ("7.13.4 (stable)", "7.21beta2 (testing)", "7.12") and which
// WireGuard peer fields each version understands. Sending a field the router does not know makes
// the whole command fail, so feature checks decide what the app may send.
import { err, ok, show, type Result } from './result.ts';

export type PrereleaseKind = 'alpha' | 'beta' | 'rc';

export interface RouterOsVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease?: { readonly kind: PrereleaseKind; readonly number: number };
  /** Release channel in parentheses when the router reports one: stable, testing, long-term, development. */
  readonly channel?: string;
  /** The version without channel, as written: "7.13.4", "7.21beta2". */
  readonly text: string;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:(alpha|beta|rc)(\d+))?(?:\s*\(([a-z-]+)\))?$/i;

export function parseRouterOsVersion(input: string): Result<RouterOsVersion> {
  const text = input.trim();
  const m = VERSION.exec(text);
  if (!m) return err(`RouterOS version ${show(text)} is not understood; expected something like 7.13.4 (stable) or 7.21beta2.`);
  const [, major = '0', minor = '0', patch, kind, number, channel] = m;
  return ok({
    major: Number(major),
    minor: Number(minor),
    patch: patch === undefined ? 0 : Number(patch),
    ...(kind === undefined ? {} : { prerelease: { kind: kind.toLowerCase() as PrereleaseKind, number: Number(number) } }),
    ...(channel === undefined ? {} : { channel: channel.toLowerCase() }),
    text: text.replace(/\s*\(.*$/, ''),
  });
}

const PRERELEASE_RANK: Readonly<Record<PrereleaseKind, number>> = { alpha: 0, beta: 1, rc: 2 };
const RELEASE_RANK = 3;

/** Negative when a is older than b. Pre-releases come before their release: 7.21beta2 < 7.21rc1 < 7.21. */
export function compareVersions(a: RouterOsVersion, b: RouterOsVersion): number {
  const rank = (v: RouterOsVersion): number => (v.prerelease ? PRERELEASE_RANK[v.prerelease.kind] : RELEASE_RANK);
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    rank(a) - rank(b) ||
    (a.prerelease?.number ?? 0) - (b.prerelease?.number ?? 0)
  );
}

function v(text: string): RouterOsVersion {
  const parsed = parseRouterOsVersion(text);
  if (!parsed.ok) throw new Error(`bad built-in version ${text}`);
  return parsed.value;
}

/**
 * First version with each feature. Features are dated from the stable release: a beta of that
 * release may or may not have them, and not offering a field is safer than sending one the
 * router rejects. WireGuard itself is dated from the beta that introduced it.
 */
const SINCE = {
  wireguard: v('7.1beta2'),
  clientFields: v('7.12'),
  peerName: v('7.15'),
  isResponder: v('7.15'),
  responder: v('7.17'),
  emptyReply: v('7.18'),
  clientAllowedAddress: v('7.21'),
  vrf: v('7.21'),
} as const;

export function isAtLeast(version: RouterOsVersion, minimum: RouterOsVersion | string): boolean {
  return compareVersions(version, typeof minimum === 'string' ? v(minimum) : minimum) >= 0;
}

export function supportsWireGuard(version: RouterOsVersion): boolean {
  return isAtLeast(version, SINCE.wireguard);
}

export interface PeerFeatures {
  /** Peer `name` (7.15+); older routers only have `comment`. */
  readonly name: boolean;
  /** client-address, client-dns, client-endpoint, client-keepalive, client-listen-port (7.12+). */
  readonly clientFields: boolean;
  /** Name of the responder-only flag: 'is-responder' in 7.15-7.16, 'responder' from 7.17 (the old name is rejected). */
  readonly responderParam: null | 'is-responder' | 'responder';
  readonly clientAllowedAddress: boolean;
  /** Peer `private-key`, so the router can show the client config (7.12+). */
  readonly privateKeyField: boolean;
  /** Prints with no rows answer `!empty` instead of just `!done` (7.18+); the API client must accept both. */
  readonly emptyReply: boolean;
  /** Interface `vrf` (7.21+). */
  readonly vrf: boolean;
}

export function peerFeatures(version: RouterOsVersion): PeerFeatures {
  const at = (since: RouterOsVersion): boolean => isAtLeast(version, since);
  return {
    name: at(SINCE.peerName),
    clientFields: at(SINCE.clientFields),
    responderParam: at(SINCE.responder) ? 'responder' : at(SINCE.isResponder) ? 'is-responder' : null,
    clientAllowedAddress: at(SINCE.clientAllowedAddress),
    privateKeyField: at(SINCE.clientFields),
    emptyReply: at(SINCE.emptyReply),
    vrf: at(SINCE.vrf),
  };
}
