// RouterOS versions: which menus and fields exist depends on major.minor (patch only matters for 6.43 login).

export interface RouterVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number | undefined;
  /** `beta4`, `rc1`: pre-releases report the `testing` channel. */
  readonly prerelease: string | undefined;
  /** Dotted version as /system/resource reports it, without the channel: `7.18.2`. */
  readonly text: string;
}

/**
 * When a caller names only major.minor, report the last patch release of that line, as a router kept up to
 * date would (`7.18` -> `7.18.2 (stable)`). Unknown lines are reported as given.
 */
const LAST_PATCH: Readonly<Record<string, number>> = {
  '6.49': 18, '7.1': 5, '7.12': 2, '7.13': 5, '7.14': 3, '7.15': 3, '7.16': 2, '7.17': 2, '7.18': 2, '7.19': 6,
  '7.20': 4, '7.21': 1,
};

const PATTERN = /^(\d+)\.(\d+)(?:\.(\d+))?((?:beta|rc)\d+)?$/;

export function parseVersion(input: string): RouterVersion {
  const match = PATTERN.exec(input.trim());
  if (!match) throw new Error(`cannot parse RouterOS version "${input}" (expected e.g. 7.18, 7.18.2 or 7.19beta4)`);
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const prerelease = match[4];
  let patch = match[3] === undefined ? undefined : Number(match[3]);
  if (patch === undefined && prerelease === undefined) patch = LAST_PATCH[`${major}.${minor}`];
  const text = `${major}.${minor}${patch === undefined ? '' : `.${patch}`}${prerelease ?? ''}`;
  return { major, minor, patch, prerelease, text };
}

/** True when `version` is `min` or newer; `min` is `major.minor[.patch]`. Pre-releases count as their line. */
export function atLeast(version: RouterVersion, min: string): boolean {
  const [major = 0, minor = 0, patch = 0] = min.split('.').map(Number);
  if (version.major !== major) return version.major > major;
  if (version.minor !== minor) return version.minor > minor;
  return (version.patch ?? 0) >= patch;
}

/** Field or menu availability: present from `since` (inclusive) until `until` (exclusive). */
export function availableIn(version: RouterVersion, range: { since?: string; until?: string }): boolean {
  if (range.since !== undefined && !atLeast(version, range.since)) return false;
  if (range.until !== undefined && atLeast(version, range.until)) return false;
  return true;
}

/** `7.18.2 (stable)` / `7.19beta4 (testing)`. */
export function versionWithChannel(version: RouterVersion): string {
  return `${version.text} (${version.prerelease === undefined ? 'stable' : 'testing'})`;
}
