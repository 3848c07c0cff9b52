// File names for a batch of configs that land in one folder or archive. configFileName keeps each name valid
// for wg-quick (at most 15 characters, a safe alphabet); this makes them unique without breaking that rule.
import { configFileName } from '../../src/domain/config-file-name.ts';

const MAX_INTERFACE_NAME = 15;
const CONF = '.conf';

/** The name configFileName gives, without ".conf": "Ayşe'nin Telefonu" -> "Aysenin-Telefon". */
export function configBaseName(peerName: string): string {
  return configFileName(peerName).slice(0, -CONF.length);
}

function withSuffix(base: string, n: number): string {
  const suffix = `-${n}`;
  // Cut the base, not the suffix, so the number survives; no dangling "-" or "." before it.
  const cut = base.slice(0, MAX_INTERFACE_NAME - suffix.length).replace(/[-.]+$/, '');
  return `${cut === '' ? 'wireguard' : cut}${suffix}`;
}

/**
 * One base name per peer, in order: "office", "office-2", "office-3"... Compared without case, because
 * Windows and macOS folders treat Office.conf and office.conf as the same file and one would overwrite the other.
 */
export function uniqueConfigBaseNames(peerNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return peerNames.map((peerName) => {
    const base = configBaseName(peerName);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = withSuffix(base, n);
    taken.add(name.toLowerCase());
    return name;
  });
}
