// A CSV import, decided before anything is sent: every row is checked (the file's own rules, names already
// on the router, addresses that overlap), and every valid row is given its address. Rows that name an
// address are placed first, so an allocated address never takes one a later row asked for. The preview
// shows exactly this plan; apply makes the same plan again from fresh router data.
import { AppError } from '../../../src/contract/index.ts';
import { findConflicts, parsePeerImportCsv, peerFeatures, type PeerImportRow, type RouterOsVersion } from '../../../src/domain/index.ts';
import { AddressPlanner, checkAllowedAddress } from './allocation.ts';
import { sameNameMessage, takenNames } from './peer-names.ts';
import type { RouterWireGuard } from './router-read.ts';

export interface PlannedRow {
  rowNumber: number;
  name: string;
  comment: string | undefined;
  dns: string[];
  keepaliveSec: number;
  /** Null when the row has errors. */
  address: string[] | null;
  errors: string[];
  warnings: string[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  fileWarnings: string[];
}

/** The seed field note: clients behind NAT drop without a keepalive; 25 s is the default everywhere. */
const DEFAULT_KEEPALIVE = 25;

export function planImport(csv: string, state: RouterWireGuard, iface: string, reserved: readonly string[], version: RouterOsVersion): ImportPlan {
  const parsed = parsePeerImportCsv(csv);
  if (!parsed.ok) throw new AppError('VALIDATION', parsed.message, { field: 'csv' });
  const names = takenNames(state);
  const rows: PlannedRow[] = parsed.value.rows.map((row) => {
    const errors = [...row.errors];
    const other = row.name ? names.get(row.name.toLocaleLowerCase('en-US')) : undefined;
    if (other) errors.push(sameNameMessage(row.name, other));
    return {
      rowNumber: row.rowNumber,
      name: row.name,
      comment: row.comment,
      dns: row.dns ?? [],
      keepaliveSec: row.keepalive ?? DEFAULT_KEEPALIVE,
      address: null,
      errors,
      warnings: rowWarnings(row, version),
    };
  });
  const source = new Map(parsed.value.rows.map((r) => [r.rowNumber, r]));
  const planner = new AddressPlanner(state, iface, reserved);
  const given: Array<{ peer: string; allowedAddress: string[] }> = [];
  for (const row of rows) {
    const address = source.get(row.rowNumber)?.address;
    if (row.errors.length > 0 || address === undefined) continue;
    const clash = findConflicts([address], given)[0];
    if (clash) {
      row.errors.push(`Address ${address} is also given on row ${clash.peer}; every peer needs its own address.`);
      continue;
    }
    try {
      checkAllowedAddress(state, iface, [address]);
    } catch (error) {
      row.errors.push(error instanceof AppError ? error.message : String(error));
      continue;
    }
    row.address = [address];
    given.push({ peer: String(row.rowNumber), allowedAddress: [address] });
    planner.take([address]);
  }
  for (const row of rows) {
    if (row.errors.length > 0 || row.address !== null) continue;
    try {
      row.address = planner.next();
    } catch (error) {
      row.errors.push(error instanceof AppError ? error.message : String(error));
    }
  }
  return { rows, fileWarnings: parsed.value.warnings };
}

function rowWarnings(row: PeerImportRow, version: RouterOsVersion): string[] {
  const f = peerFeatures(version);
  const warnings: string[] = [];
  if (!f.name) warnings.push(`RouterOS ${version.text} has no peer names; the name becomes the peer's comment.`);
  if (!f.clientFields && row.dns && row.dns.length > 0) warnings.push(`RouterOS ${version.text} cannot keep DNS on the peer (7.12+); it is only in configs WireDesk builds.`);
  return warnings;
}
