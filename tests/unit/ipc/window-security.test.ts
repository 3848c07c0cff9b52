import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  appUrlCheck,
  guardWebContents,
  isAllowedExternalUrl,
  type WebContentsLike,
} from '../../../main/window/security.ts';

describe('window security policy', () => {
  it('opens only allowlisted https URLs externally', () => {
    expect(isAllowedExternalUrl('https://help.mikrotik.com/docs/spaces/ROS/pages/69664792/WireGuard')).toBe(true);
    expect(isAllowedExternalUrl('http://help.mikrotik.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://help.mikrotik.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@help.mikrotik.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('smb://host/share')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('has a CSP without inline script, eval or remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it('recognises only the bundled page (and the dev server when set) as the app', () => {
    const check = appUrlCheck({ rendererFile: '/opt/WireDesk/out/renderer/index.html' });
    expect(check('file:///opt/WireDesk/out/renderer/index.html')).toBe(true);
    expect(check('file:///opt/WireDesk/out/renderer/index.html#/peers')).toBe(true);
    expect(check('file:///tmp/evil.html')).toBe(false);
    expect(check('http://localhost:5173/')).toBe(false);
    const dev = appUrlCheck({ rendererFile: '/x/index.html', devServerUrl: 'http://localhost:5173' });
    expect(dev('http://localhost:5173/')).toBe(true);
  });

  it('denies navigation and new windows, sending allowlisted links to the system browser', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let windowOpen: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents: WebContentsLike = {
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => handlers.set(event, listener),
      setWindowOpenHandler: (h) => {
        windowOpen = h;
      },
    } as WebContentsLike;
    const openExternal = vi.fn();
    guardWebContents(contents, openExternal, (u) => u.startsWith('file:///app/'));

    const nav = (url: string) => {
      const event = { preventDefault: vi.fn() };
      handlers.get('will-navigate')!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('https://www.wireguard.com/quickstart/')).toBe(true);
    expect(nav('file:///app/index.html')).toBe(false);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://www.wireguard.com/quickstart/');

    expect(windowOpen!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(windowOpen!({ url: 'https://help.mikrotik.com/docs' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(2);

    const webview = { preventDefault: vi.fn() };
    (handlers.get('will-attach-webview') as unknown as (e: typeof webview) => void)(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
