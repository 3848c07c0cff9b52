// The WireDesk mark: a desk-top tile with a tunnel line between two nodes. Inline SVG, no assets.
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false" className="logo-mark">
      <rect x="1" y="1" width="30" height="30" rx="8" className="logo-tile" />
      <path d="M9 20.5 C13 20.5 13 11.5 16 11.5 C19 11.5 19 20.5 23 20.5" className="logo-line" fill="none" strokeWidth="2.4" strokeLinecap="round" />
      <circle cx="8" cy="20.5" r="3" className="logo-node" />
      <circle cx="24" cy="20.5" r="3" className="logo-node" />
    </svg>
  );
}
