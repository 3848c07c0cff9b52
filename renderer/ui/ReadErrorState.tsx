// Shown instead of a table when there is no data at all: why, and a way to try again.
import { RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ReadError } from '../lib/read-model.ts';
import { Banner } from './Banner.tsx';
import { Button } from './Button.tsx';

export function ReadErrorState({ error, what, onRetry, busy }: { error: ReadError; what: string; onRetry: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const retry = (
    <Button size="sm" icon={<RefreshCw size={14} aria-hidden />} onClick={onRetry} busy={busy}>
      {t('common.retry')}
    </Button>
  );
  // Not connected: the router header already says why, so this only explains the empty tab.
  if (error.code === 'OFFLINE') {
    return (
      <Banner tone="warn" title={t('readError.offline', { what })} data-testid="read-error" actions={retry}>
        {t('readError.offlineBody')}
      </Banner>
    );
  }
  return (
    <Banner tone="danger" title={t('readError.failed', { what })} data-testid="read-error" actions={retry}>
      {error.message}
    </Banner>
  );
}

/** Main answered from its cache but has never read this router: there is nothing to show, not "zero rows". */
export function NotReadYet({ what, onRetry, busy }: { what: string; onRetry: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Banner
      tone="warn"
      title={t('readError.offline', { what })}
      data-testid="not-read-yet"
      actions={
        <Button size="sm" icon={<RefreshCw size={14} aria-hidden />} onClick={onRetry} busy={busy}>
          {t('common.retry')}
        </Button>
      }
    >
      {t('readError.offlineBody')}
    </Banner>
  );
}

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="loading-state" role="status" data-testid="loading">
      <span className="loading-bar" aria-hidden />
      <span>{label}</span>
    </div>
  );
}
