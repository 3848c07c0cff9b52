// What configs are built from: the router model's picture (live, or the last-known copy while the router is
// unreachable) and, when live, the preshared keys of the peers asked for, read for this request only. The
// model never holds a secret; the router's copy of the key is the one the tunnel uses.
import type { RouterOsClient } from '../../routeros/client.ts';
import { PEERS_PATH } from '../../routeros/menus/wireguard-peers.ts';
import type { RouterState } from '../router-model/index.ts';

export interface ConfigState extends RouterState {
  /** Preshared keys by peer id, for the peers of this request that have one; empty offline. */
  readonly presharedKeys: ReadonlyMap<string, string>;
}

export function withoutKeys(state: RouterState): ConfigState {
  return { ...state, presharedKeys: new Map() };
}

/** One print, of the asked-for peer alone when there is one, with just the key field. */
export async function withPresharedKeys(client: RouterOsClient, state: RouterState, peerIds: readonly string[]): Promise<ConfigState> {
  const wanted = peerIds.filter((id) => state.peer(id)?.presharedKeyState === 'set');
  if (wanted.length === 0) return withoutKeys(state);
  const query = wanted.length === 1 ? [`.id=${wanted[0]}`] : undefined;
  const rows = await client.print(PEERS_PATH, { query, proplist: ['.id', 'preshared-key'] });
  const keys = new Map<string, string>();
  for (const row of rows) {
    const id = row['.id'] ?? '';
    const key = row['preshared-key'];
    if (wanted.includes(id) && key) keys.set(id, key);
  }
  return { ...state, presharedKeys: keys };
}
