// Saves an exported file (configs:export answers in base64) through the browser's own download, like
// lib/download.ts does for text: a Blob and an <a download>. The bytes are decoded straight into the Blob;
// nothing of them is kept once the link has been clicked.
import { base64ToBytes } from './config-options.ts';

export function downloadBase64(fileName: string, base64: string, mimeType = 'application/octet-stream'): void {
  // A ".conf" as text/plain would get ".txt" appended by Chromium: only images and PDFs keep their type.
  const type = /^(image\/|application\/pdf|application\/zip)/.test(mimeType) ? mimeType : 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
