// Addresses reserved in WireDesk on one interface: the address picker skips them when it hands out the next
// free address (a printer, a camera, a branch that gets its peer next week). Reserve with a note, release.
// Local records: this works offline, checked against the router copy saved at the last read.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Bookmark, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { InvokeOutput, WgInterface } from '../../../src/contract/index.ts';
import { withoutHostPrefix } from '../../../src/domain/cidr.ts';
import { useLocale } from '../../i18n/index.ts';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useNow } from '../../lib/hooks.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field, fieldAria } from '../../ui/Field.tsx';
import { useInterfaceReservations, useReservations } from './reservation-store.ts';

type NextFree = { state: 'ok'; value: InvokeOutput<'peers:nextAddress'> } | { state: 'problem'; message: string } | null;

export interface ReservationsDialogProps {
  routerId: string;
  row: WgInterface;
  /** The next free address is read from the router, so it is shown only while it is online. */
  online: boolean;
  onClose: () => void;
}

/** The server puts the address field in details.field for both "not in the subnet" and "a peer has it". */
function addressError(error: ActionError | null): string | null {
  return error && error.details?.['field'] === 'address' ? error.message : null;
}

/** The address a new peer would get next (reservations already skipped), or why there is none. */
async function nextFree(routerId: string, iface: string): Promise<NextFree> {
  try {
    return { state: 'ok', value: await invoke('peers:nextAddress', { routerId, interface: iface }) };
  } catch (e) {
    return { state: 'problem', message: toActionError(e).message };
  }
}

export function ReservationsDialog({ routerId, row, online, onClose }: ReservationsDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(60_000);
  const reservations = useInterfaceReservations(routerId, row.name);
  const load = useReservations((s) => s.load);
  const reserve = useReservations((s) => s.reserve);
  const release = useReservations((s) => s.release);
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [next, setNext] = useState<NextFree>(null);
  const addressRef = useRef<HTMLInputElement>(null);

  const readNext = useCallback(() => {
    if (online) void nextFree(routerId, row.name).then(setNext);
  }, [online, routerId, row.name]);

  useEffect(() => {
    load(routerId).catch((e: unknown) => setError(toActionError(e)));
    readNext();
  }, [load, readNext, routerId]);

  const submit = async () => {
    setError(null);
    setLocalError(null);
    if (!address.trim()) {
      setLocalError(t('reservations.addressRequired'));
      addressRef.current?.focus();
      return;
    }
    setBusy('reserve');
    try {
      await reserve(routerId, row.name, address.trim(), note.trim());
      setAddress('');
      setNote('');
      readNext();
      addressRef.current?.focus();
    } catch (e) {
      setError(toActionError(e));
      addressRef.current?.focus();
    } finally {
      setBusy(null);
    }
  };

  const releaseOne = async (reserved: string) => {
    setError(null);
    setBusy(reserved);
    try {
      await release(routerId, row.name, reserved);
      readNext();
    } catch (e) {
      setError(toActionError(e));
    } finally {
      setBusy(null);
    }
  };

  const fieldError = localError ?? addressError(error);
  const shownNext = online ? next : null;
  const nextAddress = shownNext?.state === 'ok' ? shownNext.value.addresses[0] : undefined;

  return (
    <Dialog
      title={t('reservations.title', { name: row.name })}
      description={t('reservations.description')}
      onClose={onClose}
      busy={busy === 'reserve'}
      size="lg"
      data-testid="reservations-dialog"
      footer={
        <>
          <span className="spacer" />
          <Button onClick={onClose} disabled={busy === 'reserve'} data-testid="reservations-close">
            {t('common.close')}
          </Button>
        </>
      }
    >
      <div className="stack">
        <form
          className="reservation-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field id="reserve-address" label={t('reservations.address')} error={fieldError} hint={t('reservations.addressHint', { addresses: row.addresses.join(', ') || '—' })}>
            <input
              {...fieldAria('reserve-address', fieldError, true)}
              ref={addressRef}
              className="input mono"
              value={address}
              onChange={(e) => {
                setAddress(e.target.value);
                setLocalError(null);
              }}
              placeholder={nextAddress ? withoutHostPrefix(nextAddress) : '10.20.0.50'}
              spellCheck={false}
              autoComplete="off"
              data-autofocus
              data-testid="reserve-address"
            />
          </Field>
          <Field id="reserve-note" label={t('reservations.note')} hint={t('reservations.noteHint')}>
            <input
              {...fieldAria('reserve-note', null, true)}
              className="input"
              value={note}
              maxLength={255}
              onChange={(e) => setNote(e.target.value)}
              autoComplete="off"
              data-testid="reserve-note"
            />
          </Field>
          <Button type="submit" variant="primary" icon={<Bookmark size={14} aria-hidden />} busy={busy === 'reserve'} data-testid="reserve-submit">
            {t('reservations.reserve')}
          </Button>
        </form>
        {shownNext?.state === 'ok' && nextAddress ? (
          <p className="field-hint" data-testid="reservations-next">
            {[t('reservations.next', { address: withoutHostPrefix(nextAddress) }), ...shownNext.value.pools.map((pool) => t('reservations.pool', { subnet: pool.subnet, free: formatCount(pool.free, locale), usable: formatCount(pool.usable, locale) }))].join(' · ')}{' '}
            <button type="button" className="link-btn" onClick={() => setAddress(withoutHostPrefix(nextAddress))} data-testid="reservations-use-next">
              {t('reservations.useNext')}
            </button>
          </p>
        ) : null}
        {shownNext?.state === 'problem' ? (
          <p className="field-hint" data-testid="reservations-next-problem">
            {shownNext.message}
          </p>
        ) : null}
        {error && !addressError(error) ? <ActionErrorPanel error={error} failedTitle={t('reservations.failed')} data-testid="reservations-error" /> : null}

        {reservations.length === 0 ? (
          <p className="muted" data-testid="reservations-empty">
            {t('reservations.empty', { name: row.name })}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="reservations-table">
              <thead>
                <tr>
                  <th scope="col">{t('reservations.address')}</th>
                  <th scope="col">{t('reservations.note')}</th>
                  <th scope="col">{t('reservations.reservedAt')}</th>
                  <th scope="col" className="actions-cell">
                    <span className="visually-hidden">{t('peers.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {reservations.map((r) => (
                  <tr key={r.address} data-testid={`reservation-${withoutHostPrefix(r.address)}`}>
                    <td>
                      <code>{withoutHostPrefix(r.address)}</code>
                    </td>
                    <td className="ellipsis" title={r.note}>
                      {r.note || <span className="faint">—</span>}
                    </td>
                    <td className="nowrap muted">{formatDateTime(r.createdAt, locale, now)}</td>
                    <td className="actions-cell">
                      <Button
                        size="sm"
                        variant="ghost"
                        icon={<Trash2 size={14} aria-hidden />}
                        onClick={() => void releaseOne(r.address)}
                        busy={busy === r.address}
                        aria-label={t('reservations.releaseOne', { address: withoutHostPrefix(r.address) })}
                        data-testid={`release-${withoutHostPrefix(r.address)}`}
                      >
                        {t('reservations.release')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Dialog>
  );
}
