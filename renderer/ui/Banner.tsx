import type { ReactNode } from 'react';
import { CircleCheck, Info, OctagonAlert, TriangleAlert } from 'lucide-react';

export type BannerTone = 'info' | 'warn' | 'danger' | 'ok';

const ICONS = { info: Info, warn: TriangleAlert, danger: OctagonAlert, ok: CircleCheck } as const;

export interface BannerProps {
  tone: BannerTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
  'data-testid'?: string;
  compact?: boolean;
}

export function Banner({ tone, title, children, actions, compact = false, 'data-testid': testId }: BannerProps) {
  const Icon = ICONS[tone];
  return (
    <div className={`banner tone-${tone}${compact ? ' compact' : ''}`} role={tone === 'danger' ? 'alert' : 'status'} data-testid={testId}>
      <Icon className="banner-icon" size={16} aria-hidden />
      <div className="banner-body">
        {title ? <div className="banner-title">{title}</div> : null}
        {children ? <div className="banner-text">{children}</div> : null}
      </div>
      {actions ? <div className="banner-actions">{actions}</div> : null}
    </div>
  );
}
