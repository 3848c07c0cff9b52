// Security policy for the renderer, kept as plain functions so tests can check every rule without Electron.

/** The only sites WireDesk will open in the user's browser: documentation a technician may need. */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = ['help.mikrotik.com', 'www.wireguard.com', 'mikrotik.com'];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Why https only and no credentials: openExternal hands the URL to the OS, which would happily run
  // file:, smb: or custom-protocol handlers.
  return url.protocol === 'https:' && url.username === '' && url.password === '' && EXTERNAL_URL_ALLOWLIST.includes(url.hostname);
}

/** The page WireDesk loads: the bundled renderer file, or the dev server during `npm run dev`. */
export function appUrlCheck(options: { rendererFile: string; devServerUrl?: string | undefined }): (url: string) => boolean {
  const fileUrl = new URL(`file://${options.rendererFile}`).href;
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : null;
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (devOrigin && url.origin === devOrigin) return true;
    return url.protocol === 'file:' && `file://${url.pathname}` === fileUrl.replace(/#.*$/, '');
  };
}

/** Content Security Policy for the bundled renderer: no remote content, no inline script, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Denies every navigation and new window; allowlisted https links go to the system browser instead. */
export function guardWebContents(contents: WebContentsLike, openExternal: (url: string) => unknown, isAppUrl: (url: string) => boolean): void {
  const deny = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(url)) void openExternal(url);
  };
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
}
