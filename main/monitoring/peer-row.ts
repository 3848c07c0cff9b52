// The one print a poll makes, and how its rows are read. Only the fields below are asked for: on a
// router with hundreds of peers every extra field is paid for on each poll, on the wire and in parsing.
import { parseCounter, parseDuration } from '../../src/domain/index.ts';
import type { PeerRow } from './types.ts';

export const PEER_PROPLIST: readonly string[] = [
  '.id',
  'interface',
  'public-key',
  'name',
  'comment',
  'rx',
  'tx',
  'last-handshake',
  'disabled',
  'current-endpoint-address',
  'current-endpoint-port',
];

export interface PolledPeer {
  readonly rosId: string;
  readonly interface: string;
  readonly publicKey: string;
  readonly name: string;
  readonly comment: string;
  /** undefined when the router sent something that is not a byte count: no delta for that poll. */
  readonly rx: bigint | undefined;
  readonly tx: bigint | undefined;
  /** Age of the last handshake; undefined when RouterOS omits the field (no handshake yet). */
  readonly lastHandshakeMs: number | undefined;
  readonly disabled: boolean;
}

/** The fields the monitor uses, or undefined for a row it cannot attribute (no key or interface). */
export function readPeerRow(row: PeerRow): PolledPeer | undefined {
  const publicKey = row['public-key'];
  const iface = row.interface;
  if (!publicKey || !iface) return undefined;
  const handshake = row['last-handshake'];
  const age = handshake === undefined || handshake === '' ? undefined : parseDuration(handshake);
  return {
    rosId: row['.id'] ?? '',
    interface: iface,
    publicKey,
    name: row.name ?? '',
    comment: row.comment ?? '',
    rx: counter(row.rx),
    tx: counter(row.tx),
    lastHandshakeMs: age?.ok ? age.value : undefined,
    disabled: row.disabled === 'true',
  };
}

function counter(text: string | undefined): bigint | undefined {
  if (text === undefined) return undefined;
  const parsed = parseCounter(text);
  return parsed.ok ? parsed.value : undefined;
}
