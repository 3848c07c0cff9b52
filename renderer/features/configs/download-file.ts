// Saves an exported file (configs:export answers in base64) through lib/download.ts. The bytes are decoded
// straight into the Blob; nothing of them is kept once the link has been clicked. Saves made from what the
// page already shows are noted in the activity log through configs:saved.
import { invoke } from '../../lib/api.ts';
import { saveBlob } from '../../lib/download.ts';
import { base64ToBytes } from '../../../src/domain/base64.ts';

export function downloadBase64(fileName: string, base64: string, mimeType = 'application/octet-stream'): void {
  // A ".conf" as text/plain would get ".txt" appended by Chromium: only images and PDFs keep their type.
  const type = /^(image\/|application\/pdf|application\/zip)/.test(mimeType) ? mimeType : 'application/octet-stream';
  saveBlob(fileName, new Blob([base64ToBytes(base64)], { type }));
}

/**
 * A config the page already shows was saved or copied here, not by configs:export: main notes it in the
 * activity log (names only). Never blocks the save and never fails it; a lost note is not worth an error.
 */
export function noteConfigSaved(routerId: string, peerId: string, how: 'conf' | 'png' | 'copy', fileName: string | null, peerName?: string): void {
  void invoke('configs:saved', { routerId, peerId, how, fileName, ...(peerName ? { peerName } : {}) }).catch(() => undefined);
}
