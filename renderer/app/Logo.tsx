// The WireDesk mark, the same drawing as the app icon (assets/icon.svg): a rounded square in a teal-to-navy
// gradient with a white "W" drawn as a tunnel between nodes. Inline SVG, no asset to load.
import { useId } from 'react';

export function LogoMark({ size = 28 }: { size?: number }) {
  // The gradient needs a document-unique id: two marks on one page must not share (and lose) it.
  const gradient = `logo-bg-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  return (
    <svg width={size} height={size} viewBox="48 48 928 928" aria-hidden focusable="false" className="logo-mark" data-testid="logo-mark">
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#14a3a8" />
          <stop offset="1" stopColor="#0b3b5c" />
        </linearGradient>
      </defs>
      <rect x="48" y="48" width="928" height="928" rx="208" fill={`url(#${gradient})`} />
      <polyline points="232,330 382,700 512,440 642,700 792,330" fill="none" stroke="#ffffff" strokeWidth="76" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="232" cy="330" r="70" fill="#ffffff" />
      <circle cx="792" cy="330" r="70" fill="#ffffff" />
      <circle cx="512" cy="440" r="58" fill="#0b3b5c" stroke="#ffffff" strokeWidth="30" />
    </svg>
  );
}
