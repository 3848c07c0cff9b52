// WireGuard interfaces per router (interfaces:list), refreshed while the Interfaces tab is open.
import { createReadModelStore } from '../../lib/read-model.ts';

export const useInterfaces = createReadModelStore('interfaces:list');
