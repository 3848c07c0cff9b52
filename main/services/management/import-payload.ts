// What an import job keeps per row: everything needed to send the peer again after an interruption, decided
// once (address, key pair) so a resume never hands out a second address or key. No secret lives here: the
// private key is in peer_keys (sealed) and a preshared key is sealed under a name the store does not strip.
export interface ImportPayload {
  rowNumber: number;
  name: string;
  comment: string | undefined;
  /** Allowed addresses; empty for a row refused at planning (it is recorded as skipped). */
  address: string[];
  dns: string[];
  keepaliveSec: number;
  publicKey: string;
  /** KeyVault ciphertext (purpose preshared-key), or null. */
  sealedPsk: string | null;
}

export function asPayload(value: unknown): ImportPayload {
  return value as ImportPayload;
}

export function payloadAddresses(value: unknown): string[] {
  const address = (value as Partial<ImportPayload> | null)?.address;
  return Array.isArray(address) ? address.filter((a): a is string => typeof a === 'string') : [];
}
