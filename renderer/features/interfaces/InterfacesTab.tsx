// WireGuard interfaces of one router, re-read whenever main pushes a change of them: create, edit,
// enable/disable and delete them, copy the public key, and set where clients dial (the endpoint that
// makes ready configs and QR codes possible). Changes need a live connection; offline they are switched off
// with the reason while the last-known rows stay on screen. Enable/disable, like every change here, opens the
// Preview step first (InterfaceDialogs.tsx).
import { useCallback, useState } from 'react';
import { Bookmark, Globe, Lock, Network, Pencil, Plus, Power, PowerOff, ShieldAlert, ShieldCheck, Trash2, Wand2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { WgInterface } from '../../../src/contract/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCount, shortenKey } from '../../lib/format.ts';
import { useNow } from '../../lib/hooks.ts';
import { INTERFACE_LISTING_CHANGES, useModelRefresh } from '../../lib/model-refresh.ts';
import { onlineCountShown, type Freshness } from '../../lib/peer-status.ts';
import { EMPTY_READ } from '../../lib/read-model.ts';
import type { Tone } from '../../lib/status.ts';
import { Button } from '../../ui/Button.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { MenuButton } from '../../ui/MenuButton.tsx';
import { LoadingState, NotReadYet, ReadErrorState } from '../../ui/ReadErrorState.tsx';
import { FreshnessLabel, SourceBanner } from '../../ui/SourceBanner.tsx';
import { StatusText } from '../../ui/StatusPill.tsx';
import { UnknownPartsBanner } from '../../ui/UnknownPartsBanner.tsx';
import { useRouters } from '../routers/store.ts';
import { endpointText } from '../configs/config-options.ts';
import { useLoadedEndpoint } from './endpoint-store.ts';
import { useLoadedRoutes } from './client-routes-store.ts';
import { DeleteInterfaceDialog, EndpointDialog, InterfaceDialog, OpenPortDialog, ToggleInterfaceDialog } from './InterfaceDialogs.tsx';
import { useReservations } from './reservation-store.ts';
import { ReservationsDialog } from './ReservationsDialog.tsx';
import { useInterfaces } from './store.ts';
import { blockingRuleName } from './interface-form.ts';

function interfaceState(row: WgInterface): { tone: Tone; key: string } {
  if (row.disabled) return { tone: 'neutral', key: 'interfaces.disabled' };
  if (row.running) return { tone: 'ok', key: 'interfaces.running' };
  return { tone: 'warn', key: 'interfaces.notRunning' };
}

type InterfaceDialogState =
  | { kind: 'create' }
  | { kind: 'edit'; row: WgInterface }
  | { kind: 'delete'; row: WgInterface }
  | { kind: 'toggle'; row: WgInterface; disabled: boolean }
  | { kind: 'endpoint'; row: WgInterface }
  | { kind: 'reservations'; row: WgInterface }
  | { kind: 'openPort'; row: WgInterface }
  | { kind: 'setup' }
  | null;

export function InterfacesTab({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(1000);
  const fetch = useInterfaces((s) => s.fetch);
  const read = useInterfaces((s) => s.byRouter[routerId]) ?? EMPTY_READ;
  const online = useRouters((s) => s.statuses[routerId]?.state === 'online');
  const [dialog, setDialog] = useState<InterfaceDialogState>(null);
  const loadReservations = useReservations((s) => s.load);
  const reservations = useReservations((s) => s.byRouter[routerId]);
  // Keyed by the connection too: a router coming (back) online is read at once. Reservations are local,
  // but a peer made on a reserved address uses it up, so a change of the peers re-reads them too.
  useModelRefresh(routerId, online ? 'online' : 'not-online', [
    { read: fetch, changes: INTERFACE_LISTING_CHANGES },
    { read: (id) => loadReservations(id).catch(() => undefined), changes: ['peers'] },
  ]);

  const refresh = useCallback(() => void fetch(routerId), [fetch, routerId]);
  const setDisabled = (row: WgInterface, disabled: boolean) => setDialog({ kind: 'toggle', row, disabled });

  const { data, error, loading } = read;
  if (!data) {
    if (error) return <ReadErrorState error={error} what={t('interfaces.what')} onRetry={() => void fetch(routerId)} busy={loading} connected={online} />;
    return <LoadingState label={t('interfaces.loading')} />;
  }
  // A cache answer without a read time means WireDesk never reached this router: no rows is not "none".
  if (data.source === 'cache' && data.seenAt === null) return <NotReadYet what={t('interfaces.what')} onRetry={() => void fetch(routerId)} busy={loading} connected={online} />;

  const closeDialog = () => setDialog(null);
  const offlineTitle = online ? undefined : t('peers.offlineEdits');
  const freshness: Freshness = { source: data.source, seenAt: data.seenAt };
  const lastKnown = data.source === 'cache';
  // The router refused its interface list: no rows means "unknown", never "none".
  const interfacesUnknown = data.unknown.some((u) => u.part === 'interfaces');
  const totals = data.rows.reduce((sum, row) => ({ online: sum.online + row.onlinePeerCount, peers: sum.peers + row.peerCount }), { online: 0, peers: 0 });
  const totalOnline = onlineCountShown(totals.online, totals.peers, freshness, now, t, locale);

  return (
    <div className="tab-content" data-testid="interfaces-tab">
      <SourceBanner source={data.source} seenAt={data.seenAt} error={error} now={now} />
      <UnknownPartsBanner routerId={routerId} unknown={data.unknown} />
      {!online ? (
        <p className="offline-note" data-testid="edits-disabled">
          <Lock size={14} aria-hidden />
          <span>{t('peers.offlineNote')}</span>
        </p>
      ) : null}
      <div className="toolbar">
        <span className="toolbar-count" data-testid="interfaces-count">
          {t('interfaces.count', { count: data.rows.length, formatted: formatCount(data.rows.length, locale) })}
        </span>
        {data.rows.length > 0 ? (
          <span className="toolbar-count" data-testid="interfaces-online" data-online={totals.online} data-last-known={lastKnown}>
            <span className="faint" aria-hidden>
              ·{' '}
            </span>
            {totalOnline.text}
          </span>
        ) : null}
        <FreshnessLabel source={data.source} seenAt={data.seenAt} now={now} loading={loading} />
        <span className="spacer" />
        <Button size="sm" icon={<Wand2 size={14} aria-hidden />} onClick={() => setDialog({ kind: 'setup' })} disabled={!online} title={offlineTitle} data-testid="setup-wireguard-toolbar">
          {t('setup.action')}
        </Button>
        <Button size="sm" variant="primary" icon={<Plus size={14} aria-hidden />} onClick={() => setDialog({ kind: 'create' })} disabled={!online} title={offlineTitle} data-testid="add-interface">
          {t('interfaces.add')}
        </Button>
      </div>
      {data.rows.length === 0 && interfacesUnknown ? (
        <div className="panel">
          <EmptyState icon={<Network size={28} aria-hidden />} title={t('interfaces.unknownTitle')} data-testid="interfaces-unknown">
            {t('interfaces.unknownBody')}
          </EmptyState>
        </div>
      ) : data.rows.length === 0 ? (
        <div className="panel">
          <EmptyState
            icon={<Network size={28} aria-hidden />}
            title={t('interfaces.emptyTitle')}
            actions={
              online ? (
                <>
                  <Button size="sm" variant="primary" icon={<Wand2 size={14} aria-hidden />} onClick={() => setDialog({ kind: 'setup' })} data-testid="setup-wireguard">
                    {t('setup.action')}
                  </Button>
                  <Button size="sm" icon={<Plus size={14} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
                    {t('interfaces.add')}
                  </Button>
                </>
              ) : null
            }
            data-testid="interfaces-empty"
          >
            {t('interfaces.emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="interfaces-table">
            <thead>
              <tr>
                <th scope="col">{t('interfaces.name')}</th>
                {/* Last-known: said once in the header (which may wrap), so the cells stay as narrow as live. */}
                <th scope="col" className={lastKnown ? 'wrap-head' : undefined}>
                  {lastKnown ? t('interfaces.statusLastSeen') : t('interfaces.status')}
                </th>
                <th scope="col" className="align-end">
                  {t('interfaces.listenPort')}
                </th>
                <th scope="col" className="align-end">
                  {t('interfaces.mtu')}
                </th>
                <th scope="col">{t('interfaces.addresses')}</th>
                <th scope="col" className={`align-end${lastKnown ? ' wrap-head' : ''}`} data-testid="interfaces-peers-header">
                  {lastKnown ? t('interfaces.peersLastSeen') : t('interfaces.peers')}
                </th>
                <th scope="col">{t('interfaces.publicKey')}</th>
                <th scope="col">{t('interfaces.endpoint')}</th>
                <th scope="col" className="actions-cell">
                  <span className="visually-hidden">{t('peers.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => {
                const state = interfaceState(row);
                const peersOnline = onlineCountShown(row.onlinePeerCount, row.peerCount, freshness, now, t, locale);
                return (
                  <tr key={row.id} data-testid={`interface-row-${row.name}`}>
                    <td>
                      <div className="cell-stack">
                        <span className="strong nowrap">{row.name}</span>
                        {row.dynamic ? (
                          <span className="dynamic-mark" title={t('peers.dynamicTitle')} data-testid={`interface-dynamic-${row.name}`}>
                            <Lock size={12} aria-hidden />
                            {t('peers.dynamic')}
                          </span>
                        ) : null}
                        {row.comment ? <span className="muted small ellipsis" title={row.comment}>{row.comment}</span> : null}
                      </div>
                    </td>
                    <td>
                      {/* Running or not is last-known too while the router is unreachable: not green then. */}
                      <StatusText
                        tone={lastKnown ? 'neutral' : state.tone}
                        label={t(state.key)}
                        title={lastKnown ? t('peerStatus.whenLastSeen', { status: t(state.key) }) : undefined}
                        data-testid={`interface-state-${row.name}`}
                      />
                    </td>
                    <td className="align-end num">
                      {row.listenPort}
                      {row.firewall.state === 'closed' && !row.dynamic ? (
                        <PortClosed row={row} online={online} onFix={() => setDialog({ kind: 'openPort', row })} />
                      ) : null}
                    </td>
                    <td className="align-end num">{row.mtu}</td>
                    <td>
                      {row.addresses.length > 0 ? (
                        <div className="address-list">
                          {row.addresses.map((a) => (
                            <code key={a}>{a}</code>
                          ))}
                        </div>
                      ) : (
                        <span className="warn-text" title={t('warning.NO_ADDRESS')}>
                          {t('interfaces.noAddress')}
                        </span>
                      )}
                      <ReservedCount count={reservations?.filter((r) => r.interface === row.name).length ?? 0} onOpen={() => setDialog({ kind: 'reservations', row })} name={row.name} />
                    </td>
                    <td
                      className="align-end num nowrap"
                      title={peersOnline.text}
                      data-testid={`interface-online-${row.name}`}
                      data-online={row.onlinePeerCount}
                      data-total={row.peerCount}
                      data-last-known={peersOnline.lastKnown}
                    >
                      <span className={peersOnline.tone === 'ok' ? 'ok-text strong' : 'muted'}>{formatCount(row.onlinePeerCount, locale)}</span>
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
                    <td>
                      <EndpointCell routerId={routerId} row={row} onEdit={() => setDialog({ kind: 'endpoint', row })} />
                    </td>
                    <td className="actions-cell">
                      <MenuButton
                        label={t('interfaces.actionsFor', { name: row.name })}
                        note={row.dynamic ? t('actionError.readOnly') : online ? undefined : t('peers.offlineEdits')}
                        items={[
                          { id: 'edit', label: t('interfaces.edit'), icon: <Pencil size={14} aria-hidden />, disabled: !online || row.dynamic, onSelect: () => setDialog({ kind: 'edit', row }), testId: 'interface-action-edit' },
                          row.disabled
                            ? { id: 'enable', label: t('interfaces.enable'), icon: <Power size={14} aria-hidden />, disabled: !online || row.dynamic, onSelect: () => setDisabled(row, false), testId: 'interface-action-enable' }
                            : { id: 'disable', label: t('interfaces.disable'), icon: <PowerOff size={14} aria-hidden />, disabled: !online || row.dynamic, onSelect: () => setDisabled(row, true), testId: 'interface-action-disable' },
                          ...(row.firewall.state === 'closed' && !row.dynamic
                            ? [{ id: 'openPort', label: t('interfaces.openPort'), icon: <ShieldCheck size={14} aria-hidden />, disabled: !online, onSelect: () => setDialog({ kind: 'openPort', row }), testId: 'interface-action-open-port' }]
                            : []),
                          { id: 'endpoint', label: t('interfaces.setEndpoint'), icon: <Globe size={14} aria-hidden />, onSelect: () => setDialog({ kind: 'endpoint', row }), testId: 'interface-action-endpoint' },
                          { id: 'reservations', label: t('interfaces.reservations'), icon: <Bookmark size={14} aria-hidden />, disabled: row.dynamic, onSelect: () => setDialog({ kind: 'reservations', row }), testId: 'interface-action-reservations' },
                          { id: 'delete', label: t('interfaces.delete'), icon: <Trash2 size={14} aria-hidden />, danger: true, disabled: !online || row.dynamic, onSelect: () => setDialog({ kind: 'delete', row }), testId: 'interface-action-delete' },
                        ]}
                        data-testid={`interface-actions-${row.name}`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {dialog?.kind === 'create' ? <InterfaceDialog routerId={routerId} onClose={closeDialog} onChanged={refresh} /> : null}
      {dialog?.kind === 'setup' ? <InterfaceDialog routerId={routerId} setup onClose={closeDialog} onChanged={refresh} /> : null}
      {dialog?.kind === 'edit' ? <InterfaceDialog routerId={routerId} row={dialog.row} onClose={closeDialog} onChanged={refresh} /> : null}
      {dialog?.kind === 'delete' ? (
        <DeleteInterfaceDialog
          routerId={routerId}
          row={dialog.row}
          onClose={closeDialog}
          onDeleted={() => {
            closeDialog();
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'toggle' ? (
        <ToggleInterfaceDialog
          routerId={routerId}
          row={dialog.row}
          disabled={dialog.disabled}
          onClose={closeDialog}
          onDone={() => {
            closeDialog();
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'openPort' ? (
        <OpenPortDialog
          routerId={routerId}
          row={dialog.row}
          onClose={closeDialog}
          onDone={() => {
            closeDialog();
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'endpoint' ? <EndpointDialog routerId={routerId} row={dialog.row} onClose={closeDialog} /> : null}
      {dialog?.kind === 'reservations' ? <ReservationsDialog routerId={routerId} row={dialog.row} online={online} onClose={closeDialog} /> : null}
    </div>
  );
}

/** Where clients dial, and under it the split tunnel their configs route when one is remembered (full otherwise). */
function EndpointCell({ routerId, row, onEdit }: { routerId: string; row: WgInterface; onEdit: () => void }) {
  const { t } = useTranslation();
  const endpoint = useLoadedEndpoint(routerId, row.name);
  const routes = useLoadedRoutes(routerId, row.name);
  if (endpoint === undefined) return <span className="faint">…</span>;
  return (
    <div className="cell-stack">
      <span className="endpoint-cell" data-testid={`endpoint-${row.name}`}>
        {endpoint ? (
          <code title={t('interfaces.endpointTitle')}>{endpointText(endpoint)}</code>
        ) : (
          <span className="muted small" title={t('interfaces.noEndpointTitle')}>
            {t('interfaces.noEndpoint')}
          </span>
        )}
        <button type="button" className="icon-btn small-icon-btn" onClick={onEdit} aria-label={t('interfaces.setEndpointFor', { name: row.name })} title={t('interfaces.setEndpointFor', { name: row.name })} data-testid={`edit-endpoint-${row.name}`}>
          <Pencil size={13} aria-hidden />
        </button>
      </span>
      {routes ? (
        <span className="muted small ellipsis" title={t('interfaces.clientRoutesTitle', { routes: routes.routes.join(', ') })} data-testid={`client-routes-${row.name}`}>
          {t('interfaces.clientRoutes', { routes: routes.routes.join(', ') })}
        </span>
      ) : null}
    </div>
  );
}

/** "2 reserved" under an interface's addresses, opening the reservations; nothing when none are. */
function ReservedCount({ count, name, onOpen }: { count: number; name: string; onOpen: () => void }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <button type="button" className="link-btn reserved-link" onClick={onOpen} title={t('interfaces.reservedTitle', { name })} data-testid={`reserved-count-${name}`}>
      {t('interfaces.reserved', { count })}
    </button>
  );
}

/** Under the listen port: the firewall drops it (which rule), and the fix, previewed like every change. */
function PortClosed({ row, online, onFix }: { row: WgInterface; online: boolean; onFix: () => void }) {
  const { t } = useTranslation();
  const rule = blockingRuleName(t, row.firewall);
  return (
    <div className="port-closed" data-testid={`interface-port-closed-${row.name}`} title={t('interfaces.portClosedTitle', { port: row.listenPort, rule })}>
      <span className="warn-text small nowrap">
        <ShieldAlert size={12} aria-hidden /> {t('interfaces.portClosed')}
      </span>
      <button type="button" className="link-btn small" onClick={onFix} disabled={!online} title={online ? undefined : t('peers.offlineEdits')} data-testid={`interface-open-port-${row.name}`}>
        {t('interfaces.openPortShort')}
      </button>
    </div>
  );
}
