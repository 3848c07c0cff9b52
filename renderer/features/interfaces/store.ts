// WireGuard interfaces per router (interfaces:list), re-read on pushed model changes while a tab shows them.
import { createReadModelStore } from '../../lib/read-model.ts';

export const useInterfaces = createReadModelStore('interfaces:list');
