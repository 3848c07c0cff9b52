// Saves an exported file (configs:export answers in base64) through lib/download.ts. The bytes are decoded
// straight into the Blob; nothing of them is kept once the link has been clicked.
import { saveBlob } from '../../lib/download.ts';
import { base64ToBytes } from './config-options.ts';

export function downloadBase64(fileName: string, base64: string, mimeType = 'application/octet-stream'): void {
  // A ".conf" as text/plain would get ".txt" appended by Chromium: only images and PDFs keep their type.
  const type = /^(image\/|application\/pdf|application\/zip)/.test(mimeType) ? mimeType : 'application/octet-stream';
  saveBlob(fileName, new Blob([base64ToBytes(base64)], { type }));
}
