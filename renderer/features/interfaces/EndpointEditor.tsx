// Host and port clients dial for one interface, with a warning when the host is a private or local
// address (fine on the same LAN, unreachable from the internet). Used in the endpoint dialog, the add-peer
// form and the one-time secret dialog, wherever a missing endpoint stops a ready config.
import { useState } from 'react';
import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { isPrivateOrLocalAddress } from '../../../src/domain/endpoint.ts';
import { errorField, toActionError, type ActionError } from '../../lib/action-error.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field, fieldAria } from '../../ui/Field.tsx';
import { useEndpoints, type RememberedEndpoint } from './endpoint-store.ts';

export interface EndpointEditorProps {
  routerId: string;
  iface: string;
  listenPort: number | null;
  current: RememberedEndpoint | null | undefined;
  onSaved?: (endpoint: RememberedEndpoint) => void;
  onCancel?: () => void;
  /** Label of the save button ("Save endpoint", "Save and build the config"). */
  saveLabel?: string;
  /** Offer "Forget" when an endpoint is set. */
  allowClear?: boolean;
  idPrefix: string;
}

export function EndpointEditor({ routerId, iface, listenPort, current, onSaved, onCancel, saveLabel, allowClear = false, idPrefix }: EndpointEditorProps) {
  const { t } = useTranslation();
  const save = useEndpoints((s) => s.save);
  const clear = useEndpoints((s) => s.clear);
  const [host, setHost] = useState(current?.host ?? '');
  const [port, setPort] = useState(String(current?.port ?? listenPort ?? ''));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [localError, setLocalError] = useState<{ field: 'host' | 'port'; message: string } | null>(null);

  const field = errorField(error);
  const hostError = localError?.field === 'host' ? localError.message : field === 'host' ? (error?.message ?? null) : null;
  const portError = localError?.field === 'port' ? localError.message : field === 'port' ? (error?.message ?? null) : null;
  const privateHost = host.trim() !== '' && isPrivateOrLocalAddress(host.trim());
  const portDiffers = listenPort !== null && port.trim() !== '' && Number(port) !== listenPort;

  const submit = async () => {
    setError(null);
    setLocalError(null);
    if (!host.trim()) {
      setLocalError({ field: 'host', message: t('endpoint.hostRequired') });
      return;
    }
    const portNumber = Number(port);
    if (!/^\d+$/.test(port.trim()) || portNumber < 1 || portNumber > 65535) {
      setLocalError({ field: 'port', message: t('endpoint.portInvalid') });
      return;
    }
    setBusy(true);
    try {
      const saved = await save(routerId, iface, host.trim(), portNumber);
      setBusy(false);
      onSaved?.(saved);
    } catch (e) {
      setError(toActionError(e));
      setBusy(false);
    }
  };

  const forget = async () => {
    setBusy(true);
    setError(null);
    try {
      await clear(routerId, iface);
      setHost('');
      setBusy(false);
      onCancel?.();
    } catch (e) {
      setError(toActionError(e));
      setBusy(false);
    }
  };

  return (
    <div
      className="endpoint-editor"
      onKeyDown={(e) => {
        // Enter saves, also inside another form (the add-peer form must not submit instead).
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
          e.preventDefault();
          e.stopPropagation();
          void submit();
        }
      }}
      data-testid="endpoint-editor"
    >
      <div className="form-row host-row">
        <Field id={`${idPrefix}-host`} label={t('endpoint.host')} error={hostError} hint={t('endpoint.hostHint')}>
          <input
            {...fieldAria(`${idPrefix}-host`, hostError, true)}
            className="input"
            value={host}
            onChange={(e) => setHost(e.target.value)}
            placeholder={t('endpoint.hostPlaceholder')}
            spellCheck={false}
            autoComplete="off"
            data-testid="endpoint-host"
          />
        </Field>
        <Field id={`${idPrefix}-port`} label={t('endpoint.port')} error={portError}>
          <input
            {...fieldAria(`${idPrefix}-port`, portError)}
            className="input num"
            value={port}
            inputMode="numeric"
            onChange={(e) => setPort(e.target.value)}
            autoComplete="off"
            data-testid="endpoint-port"
          />
        </Field>
      </div>
      {privateHost ? (
        <p className="inline-warning" data-testid="endpoint-private-warning">
          <TriangleAlert size={14} aria-hidden />
          <span>{t('endpoint.privateWarning', { host: host.trim() })}</span>
        </p>
      ) : null}
      {portDiffers ? (
        <p className="field-hint" data-testid="endpoint-port-note">
          {t('endpoint.portDiffers', { port: listenPort })}
        </p>
      ) : null}
      {error && !field ? <ActionErrorPanel error={error} failedTitle={t('endpoint.saveFailed')} /> : null}
      <div className="inline-actions">
        <Button size="sm" variant="primary" onClick={() => void submit()} busy={busy} data-testid="endpoint-save">
          {saveLabel ?? t('endpoint.save')}
        </Button>
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel} disabled={busy} data-testid="endpoint-cancel">
            {t('common.cancel')}
          </Button>
        ) : null}
        <span className="spacer" />
        {allowClear && current ? (
          <Button size="sm" variant="ghost" className="danger-text" onClick={() => void forget()} disabled={busy} data-testid="endpoint-clear">
            {t('endpoint.clear')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
