// The peers that moved the most bytes on the interface in the chosen period; a click focuses the chart,
// the ping and the notifications on that peer.
import { Crosshair } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { HistoryRangeValue, PeerUsageData } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { formatBytes } from '../../lib/format.ts';
import { Banner } from '../../ui/Banner.tsx';
import { isLive } from './chart-model.ts';
import { useKeyedRead } from './hooks.ts';
import { displayName } from './peer-model.ts';

export const TOP_TALKERS = 10;

export interface TopTalkersProps {
  routerId: string;
  iface: string;
  range: HistoryRangeValue;
  selectedKey: string | null;
  pollMs: number;
  locale: string;
  onFocus: (peer: PeerUsageData) => void;
}

export function TopTalkers({ routerId, iface, range, selectedKey, pollMs, locale, onFocus }: TopTalkersProps) {
  const { t } = useTranslation();
  const read = useKeyedRead(
    `${routerId}|${iface}|${range}`,
    () => invoke('traffic:topTalkers', { routerId, range, limit: TOP_TALKERS, interface: iface }),
    isLive(range) ? pollMs : 60_000,
  );
  const rows = (read.value ?? []).filter((r) => r.total > 0);
  const max = rows.reduce((m, r) => Math.max(m, r.total), 0);

  return (
    <section className="section" aria-labelledby="talkers-heading" data-testid="top-talkers">
      <div className="section-head">
        <h2 id="talkers-heading" className="section-title">
          {t('trafficView.talkersTitle')}
        </h2>
        <span className="faint small">{t('trafficView.talkersScope', { iface, range: t(`trafficView.rangeLong.${range}`) })}</span>
      </div>
      {read.error && !read.value ? (
        <Banner tone="danger" compact title={t('trafficView.talkersFailed')}>
          {read.error.message}
        </Banner>
      ) : (
        <table className="data-table talkers-table">
          <thead>
            <tr>
              <th scope="col">{t('trafficView.colPeer')}</th>
              <th scope="col" className="align-end">
                {t('trafficView.colRx')}
              </th>
              <th scope="col" className="align-end">
                {t('trafficView.colTx')}
              </th>
              <th scope="col" className="align-end">
                {t('trafficView.colTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const key = `${row.interface}|${row.publicKey}`;
              const selected = key === selectedKey;
              const name = displayName(row);
              return (
                <tr key={key} className={`talker-row${selected ? ' selected' : ''}`} onClick={() => onFocus(row)} data-testid="top-talker" data-name={name} aria-current={selected || undefined}>
                  <td className="talker-name">
                    <button type="button" className="link-btn ellipsis" onClick={(event) => {
                      event.stopPropagation();
                      onFocus(row);
                    }} title={t('trafficView.focusPeer', { name })}>
                      <Crosshair size={12} aria-hidden className="talker-focus-icon" />
                      <span className="ellipsis">{name}</span>
                    </button>
                  </td>
                  <td className="align-end num nowrap">{formatBytes(row.rx, locale)}</td>
                  <td className="align-end num nowrap">{formatBytes(row.tx, locale)}</td>
                  <td className="align-end num nowrap talker-total">
                    <span>{formatBytes(row.total, locale)}</span>
                    <span className="talker-bar" aria-hidden>
                      <span className="talker-bar-rx" style={{ width: `${max > 0 ? (row.rx / max) * 100 : 0}%` }} />
                      <span className="talker-bar-tx" style={{ width: `${max > 0 ? (row.tx / max) * 100 : 0}%` }} />
                    </span>
                  </td>
                </tr>
              );
            })}
            {read.value && rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="talkers-empty muted">
                  {t('trafficView.talkersEmpty')}
                </td>
              </tr>
            ) : null}
            {!read.value ? (
              <tr>
                <td colSpan={4} className="talkers-empty muted">
                  {t('trafficView.loading')}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      )}
    </section>
  );
}
