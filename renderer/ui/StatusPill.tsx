// Status shown as colour AND words, so it reads the same for colour-blind users and in grey-scale.
import type { Tone } from '../lib/status.ts';

export function StatusDot({ tone, pulse = false }: { tone: Tone; pulse?: boolean }) {
  return <span className={`status-dot tone-${tone}${pulse ? ' pulse' : ''}`} aria-hidden />;
}

export interface StatusPillProps {
  tone: Tone;
  label: string;
  pulse?: boolean;
  title?: string;
  'data-testid'?: string;
}

export function StatusPill({ tone, label, pulse, title, 'data-testid': testId }: StatusPillProps) {
  return (
    <span className={`status-pill tone-${tone}`} title={title} data-testid={testId} data-tone={tone}>
      <StatusDot tone={tone} pulse={pulse ?? false} />
      {label}
    </span>
  );
}

/** The compact form for tables and lists: a dot and the label, without the pill background. */
export function StatusText({ tone, label, pulse, title, 'data-testid': testId }: StatusPillProps) {
  return (
    <span className={`status-text tone-${tone}`} title={title} data-testid={testId} data-tone={tone}>
      <StatusDot tone={tone} pulse={pulse ?? false} />
      <span className="status-label">{label}</span>
    </span>
  );
}
