// A block of text to copy as a whole (a RouterOS command, a config file), with its copy button.
import { CopyButton } from './CopyButton.tsx';

export interface CopyBlockProps {
  text: string;
  label: string;
  'data-testid'?: string;
  /** Wraps long lines (commands) instead of scrolling sideways (config files keep their lines). */
  wrap?: boolean;
}

export function CopyBlock({ text, label, wrap = false, 'data-testid': testId }: CopyBlockProps) {
  return (
    <div className={`copy-block${wrap ? ' wrap' : ''}`}>
      <pre data-testid={testId}>{text}</pre>
      <CopyButton value={text} label={label} data-testid={testId ? `${testId}-copy` : undefined} />
    </div>
  );
}
