// Tells the technician how fresh a read model is: a cache banner when the router is unreachable and the
// rows are the last-known copy, or a warning when the latest refresh failed.
import { useTranslation } from 'react-i18next';
import { formatAge, formatDateTime } from '../lib/format.ts';
import type { ReadError } from '../lib/read-model.ts';
import { useLocale } from '../i18n/index.ts';
import { Banner } from './Banner.tsx';

export interface SourceBannerProps {
  source: 'live' | 'cache';
  seenAt: number | null;
  error: ReadError | null;
  now: number;
}

export function SourceBanner({ source, seenAt, error, now }: SourceBannerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = seenAt ? `${formatDateTime(seenAt, locale, now)} (${formatAge(now - seenAt, t)})` : t('cache.unknownTime');
  if (source === 'cache') {
    return (
      <Banner tone="warn" compact title={t('cache.title', { when })} data-testid="cache-banner">
        {t('cache.body')}
      </Banner>
    );
  }
  if (error) {
    return (
      <Banner tone="warn" compact title={t('cache.refreshFailed', { when })} data-testid="refresh-error">
        {error.message}
      </Banner>
    );
  }
  return null;
}

/** "Live · updated 3 s ago" for toolbars. */
export function FreshnessLabel({ source, seenAt, now, loading }: { source: 'live' | 'cache'; seenAt: number | null; now: number; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`freshness${source === 'cache' ? ' stale' : ''}`} data-testid="freshness">
      <span className={`fresh-dot${loading ? ' loading' : ''}`} aria-hidden />
      {source === 'live' ? t('cache.live') : t('cache.cached')}
      {seenAt ? <span className="faint"> · {t(source === 'live' ? 'cache.updated' : 'cache.readAge', { age: formatAge(now - seenAt, t) })}</span> : null}
    </span>
  );
}
