// "Add the first peer" from another screen (the set-up wizard's last step): the Peers tab opens its Add-peer
// form once when it next shows that router, with the interface already chosen (the view store remembers it)
// and, for a split tunnel chosen in the wizard, the networks the first peer's config routes.
import { create } from 'zustand';
import { peerViewActions } from './view-store.ts';

export interface AddPeerAsk {
  /** The client config's AllowedIPs (split tunnel); null for WireDesk's default, the full tunnel. */
  readonly clientRoutes: readonly string[] | null;
}

interface AddPeerIntent {
  routerId: string | null;
  ask: AddPeerAsk | null;
  /** Asks the Peers tab of `routerId` to open its Add-peer form on `iface`. */
  request: (routerId: string, iface: string, ask?: AddPeerAsk) => void;
  /** What was asked, once, for the router asked about; null otherwise. */
  take: (routerId: string) => AddPeerAsk | null;
}

export const useAddPeerIntent = create<AddPeerIntent>()((set, get) => ({
  routerId: null,
  ask: null,
  request: (routerId, iface, ask = { clientRoutes: null }) => {
    peerViewActions(routerId).rememberAddInterface(iface);
    set({ routerId, ask });
  },
  take: (routerId) => {
    const { routerId: asked, ask } = get();
    if (asked !== routerId) return null;
    set({ routerId: null, ask: null });
    return ask;
  },
}));
