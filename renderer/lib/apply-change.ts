// A change request (what a fix or a wizard step proposes) applied with the planId its preview returned, on the
// channel of its kind. Only the kinds a fix can be; the others have their own forms.
import type { ChangeRequest } from '../../src/contract/index.ts';
import { invoke } from './api.ts';

const FIX_KINDS = ['peer.setDisabled', 'peer.update', 'interface.setDisabled', 'interface.openPort', 'interface.addAddress', 'router.ntp'] as const;
export type FixRequest = Extract<ChangeRequest, { kind: (typeof FIX_KINDS)[number] }>;

export function isFixRequest(request: ChangeRequest): request is FixRequest {
  return (FIX_KINDS as readonly string[]).includes(request.kind);
}

export async function applyChange(request: FixRequest, planId: string): Promise<void> {
  switch (request.kind) {
    case 'peer.setDisabled':
      await invoke('peers:setDisabled', { ...request.input, planId });
      return;
    case 'peer.update':
      await invoke('peers:update', { ...request.input, planId });
      return;
    case 'interface.setDisabled':
      await invoke('interfaces:setDisabled', { ...request.input, planId });
      return;
    case 'interface.openPort':
      await invoke('interfaces:openPort', { ...request.input, planId });
      return;
    case 'interface.addAddress':
      await invoke('interfaces:addAddress', { ...request.input, planId });
      return;
    case 'router.ntp':
      await invoke('router:enableNtp', { ...request.input, planId });
      return;
  }
}
