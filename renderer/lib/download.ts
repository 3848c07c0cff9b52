// Saves a file through the browser's own download (a Blob and an <a download> link): no Node, no extra IPC,
// and the file name is ours. The MIME type decides nothing about the name: octet-stream keeps Chromium
// from appending ".txt" to a ".conf".

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the URL is only needed that long.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, type = 'application/octet-stream'): void {
  saveBlob(fileName, new Blob([text], { type }));
}
