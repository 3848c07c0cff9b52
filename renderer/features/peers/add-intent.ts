// "Add the first peer" from another screen (the set-up wizard's last step): the Peers tab opens its Add-peer
// form once when it next shows that router, with the interface already chosen (the view store remembers it).
// The tunnel chosen in the wizard needs no carrying: main remembers it with the interface, for every peer.
import { create } from 'zustand';
import { peerViewActions } from './view-store.ts';

interface AddPeerIntent {
  routerId: string | null;
  /** Asks the Peers tab of `routerId` to open its Add-peer form on `iface`. */
  request: (routerId: string, iface: string) => void;
  /** Whether it was asked, once, for the router asked about. */
  take: (routerId: string) => boolean;
}

export const useAddPeerIntent = create<AddPeerIntent>()((set, get) => ({
  routerId: null,
  request: (routerId, iface) => {
    peerViewActions(routerId).rememberAddInterface(iface);
    set({ routerId });
  },
  take: (routerId) => {
    if (get().routerId !== routerId) return false;
    set({ routerId: null });
    return true;
  },
}));
