// Shown instead of a table when there is no data at all: why, and a way to try again.
import { RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ReadError } from '../lib/read-model.ts';
import { Banner } from './Banner.tsx';
import { Button } from './Button.tsx';

export interface ReadErrorStateProps {
  error: ReadError;
  what: string;
  onRetry: () => void;
  busy: boolean;
  /** The router is connected: "the status above says what is in the way" would point at nothing. */
  connected: boolean;
}

export function ReadErrorState({ error, what, onRetry, busy, connected }: ReadErrorStateProps) {
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
        {connected ? t('readError.offlineBodyConnected') : t('readError.offlineBody')}
      </Banner>
    );
  }
  return (
    <Banner tone="danger" title={t('readError.failed', { what })} data-testid="read-error" actions={retry}>
      {error.message}
    </Banner>
  );
}

/**
 * Main answered from its cache but has never read this router: there is nothing to show, not "zero rows".
 * While the router is connected its first read is under way (the listing follows by itself when it ends).
 */
export function NotReadYet({ what, onRetry, busy, connected }: { what: string; onRetry: () => void; busy: boolean; connected: boolean }) {
  const { t } = useTranslation();
  if (connected) return <LoadingState label={t('readError.readingFirst', { what })} />;
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
