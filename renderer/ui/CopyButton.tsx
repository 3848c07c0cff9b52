import { useEffect, useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export interface CopyButtonProps {
  value: string;
  /** What is being copied, for the accessible name: "Copy public key". */
  label: string;
  'data-testid'?: string;
  /** Told after a successful copy (a one-time secret counts as saved then). */
  onCopied?: () => void;
  /** Show the label next to the icon instead of only in the tooltip. */
  showLabel?: boolean;
}

export function CopyButton({ value, label, onCopied, showLabel = false, 'data-testid': testId }: CopyButtonProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const id = window.setTimeout(() => setState('idle'), 1500);
    return () => window.clearTimeout(id);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
      onCopied?.();
    } catch {
      setState('failed');
    }
  };

  const title = state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : label;
  return (
    <button
      type="button"
      className={showLabel ? `btn btn-secondary btn-sm${state === 'copied' ? ' copied' : ''}` : `copy-btn${state === 'copied' ? ' copied' : ''}`}
      onClick={() => void copy()}
      title={title}
      aria-label={showLabel ? undefined : label}
      data-testid={testId}
    >
      {state === 'copied' ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />}
      {showLabel ? <span>{state === 'copied' ? t('common.copied') : label}</span> : null}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </button>
  );
}
