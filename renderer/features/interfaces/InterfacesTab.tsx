// WireGuard interfaces of one router, refreshed every poll interval while the tab is open.
import { Network } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { WgInterface } from '../../../src/contract/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCount, shortenKey } from '../../lib/format.ts';
import { useNow, usePoll } from '../../lib/hooks.ts';
import { EMPTY_READ } from '../../lib/read-model.ts';
import type { Tone } from '../../lib/status.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LoadingState, NotReadYet, ReadErrorState } from '../../ui/ReadErrorState.tsx';
import { FreshnessLabel, SourceBanner } from '../../ui/SourceBanner.tsx';
import { StatusText } from '../../ui/StatusPill.tsx';
import { usePollIntervalMs } from '../settings/store.ts';
import { useInterfaces } from './store.ts';

function interfaceState(row: WgInterface): { tone: Tone; key: string } {
  if (row.disabled) return { tone: 'neutral', key: 'interfaces.disabled' };
  if (row.running) return { tone: 'ok', key: 'interfaces.running' };
  return { tone: 'warn', key: 'interfaces.notRunning' };
}

export function InterfacesTab({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(1000);
  const interval = usePollIntervalMs();
  const fetch = useInterfaces((s) => s.fetch);
  const read = useInterfaces((s) => s.byRouter[routerId]) ?? EMPTY_READ;
  usePoll(routerId, () => fetch(routerId), interval);

  const { data, error, loading } = read;
  if (!data) {
    if (error) return <ReadErrorState error={error} what={t('interfaces.what')} onRetry={() => void fetch(routerId)} busy={loading} />;
    return <LoadingState label={t('interfaces.loading')} />;
  }
  // A cache answer without a read time means WireDesk never reached this router: no rows is not "none".
  if (data.source === 'cache' && data.seenAt === null) return <NotReadYet what={t('interfaces.what')} onRetry={() => void fetch(routerId)} busy={loading} />;

  return (
    <div className="tab-content" data-testid="interfaces-tab">
      <SourceBanner source={data.source} seenAt={data.seenAt} error={error} now={now} />
      <div className="toolbar">
        <span className="toolbar-count" data-testid="interfaces-count">
          {t('interfaces.count', { count: data.rows.length, formatted: formatCount(data.rows.length, locale) })}
        </span>
        <span className="spacer" />
        <FreshnessLabel source={data.source} seenAt={data.seenAt} now={now} loading={loading} />
      </div>
      {data.rows.length === 0 ? (
        <div className="panel">
          <EmptyState icon={<Network size={28} aria-hidden />} title={t('interfaces.emptyTitle')} data-testid="interfaces-empty">
            {t('interfaces.emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="interfaces-table">
            <thead>
              <tr>
                <th scope="col">{t('interfaces.name')}</th>
                <th scope="col">{t('interfaces.status')}</th>
                <th scope="col" className="align-end">
                  {t('interfaces.listenPort')}
                </th>
                <th scope="col" className="align-end">
                  {t('interfaces.mtu')}
                </th>
                <th scope="col">{t('interfaces.addresses')}</th>
                <th scope="col" className="align-end">
                  {t('interfaces.peers')}
                </th>
                <th scope="col">{t('interfaces.publicKey')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => {
                const state = interfaceState(row);
                return (
                  <tr key={row.id} data-testid={`interface-row-${row.name}`}>
                    <td>
                      <div className="cell-stack">
                        <span className="strong">{row.name}</span>
                        {row.comment ? <span className="muted small ellipsis" title={row.comment}>{row.comment}</span> : null}
                      </div>
                    </td>
                    <td>
                      <StatusText tone={state.tone} label={t(state.key)} />
                    </td>
                    <td className="align-end num">{row.listenPort}</td>
                    <td className="align-end num">{row.mtu}</td>
                    <td>
                      {row.addresses.length > 0 ? (
                        <div className="address-list">
                          {row.addresses.map((a) => (
                            <code key={a}>{a}</code>
                          ))}
                        </div>
                      ) : (
                        <span className="faint">{t('interfaces.noAddress')}</span>
                      )}
                    </td>
                    <td className="align-end num nowrap" title={t('interfaces.peersTitle', { online: row.onlinePeerCount, total: row.peerCount })}>
                      <span className={row.onlinePeerCount > 0 ? 'ok-text strong' : 'muted'}>{formatCount(row.onlinePeerCount, locale)}</span>
                      <span className="faint"> / </span>
                      {formatCount(row.peerCount, locale)}
                    </td>
                    <td>
                      <span className="key-cell">
                        <code className="mono" title={row.publicKey}>
                          {shortenKey(row.publicKey, 12, 6)}
                        </code>
                        <CopyButton value={row.publicKey} label={t('interfaces.copyKey', { name: row.name })} data-testid={`copy-key-${row.name}`} />
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
