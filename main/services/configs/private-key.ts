// The peer's private key from WireDesk's custody: only 'stored' keys (sealed with the KeyVault) exist here.
// Anything else is refused with its reason: a config with a made-up key would look fine and never connect.
import { publicKeyFromPrivate } from '../../../src/domain/index.ts';
import type { PeerKeysRepository } from '../../store/peer-keys.ts';
import { configProblem } from './errors.ts';

export const NO_KEY_MESSAGE =
  'This peer was created outside WireDesk (or shown once): its private key is not here, so the config cannot be rebuilt. Rotate its keys to make a new config.';

export async function storedPrivateKey(keys: PeerKeysRepository, routerId: string, publicKey: string): Promise<string> {
  const record = keys.get(routerId, publicKey);
  if (!record) throw configProblem('NO_PRIVATE_KEY', NO_KEY_MESSAGE, { custody: null });
  if (record.custody !== 'stored') throw configProblem('KEY_SHOWN_ONCE', NO_KEY_MESSAGE, { custody: record.custody });
  const privateKey = await keys.getPrivateKey(routerId, publicKey);
  if (privateKey === null) throw configProblem('NO_PRIVATE_KEY', NO_KEY_MESSAGE, { custody: record.custody });
  // The record is found by public key, so this only fails on a damaged record; checked anyway, because a
  // config whose key does not match the router's peer fails silently on the device.
  const derived = publicKeyFromPrivate(privateKey);
  if (!derived.ok || derived.value !== publicKey) {
    throw configProblem('KEY_MISMATCH', 'The private key WireDesk kept for this peer does not match the public key on the router. Rotate its keys to make a new config.');
  }
  return privateKey;
}
