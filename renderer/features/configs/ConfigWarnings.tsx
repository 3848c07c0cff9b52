// Warnings about a client config ({code, message} from main) as banners, most serious first: a title per
// code, main's sentence, the RouterOS command to copy for a closed firewall, and the way out where the
// dialog has one (remember the endpoint typed for this config, let the port in through its Preview step,
// download the .conf when the QR is too long).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigWarning } from '../../../src/contract/index.ts';
import { splitCommand, toActionError, type ActionError } from '../../lib/action-error.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { CopyBlock } from '../../ui/CopyBlock.tsx';
import { useEndpoints } from '../interfaces/endpoint-store.ts';
import { endpointText, shownWarnings, warningTone } from './config-options.ts';

export interface ConfigWarningsProps {
  warnings: readonly ConfigWarning[];
  routerId?: string;
  iface?: string;
  endpoint?: { host: string; port: number };
  onEndpointSaved?: () => void;
  onDownloadConf?: () => void;
  /** The one-click fix for a closed port (its Preview step), where the dialog can offer it. */
  onOpenPort?: () => void;
  'data-testid'?: string;
}

export function ConfigWarnings({ warnings, routerId, iface, endpoint, onEndpointSaved, onDownloadConf, onOpenPort, 'data-testid': testId = 'config-warnings' }: ConfigWarningsProps) {
  const { t } = useTranslation();
  const save = useEndpoints((s) => s.save);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  if (warnings.length === 0) return null;

  const remember = async () => {
    if (!routerId || !iface || !endpoint) return;
    setSaving(true);
    setError(null);
    try {
      await save(routerId, iface, endpoint.host, endpoint.port);
      onEndpointSaved?.();
    } catch (e) {
      setError(toActionError(e));
    } finally {
      setSaving(false);
    }
  };

  const unique = shownWarnings(warnings);
  return (
    <div className="warning-list" data-testid={testId}>
      {unique.map((w) => {
        const { text, command } = splitCommand(w.message);
        let actions = null;
        if (w.code === 'ENDPOINT_NOT_SAVED' && routerId && iface && endpoint && onEndpointSaved) {
          actions = (
            <Button size="sm" busy={saving} onClick={() => void remember()} data-testid="config-remember-endpoint">
              {t('configs.rememberEndpoint', { endpoint: endpointText(endpoint), iface })}
            </Button>
          );
        } else if (w.code === 'FIREWALL_CLOSED' && onOpenPort) {
          actions = (
            <Button size="sm" onClick={onOpenPort} data-testid="config-open-port">
              {t('interfaces.openPort')}
            </Button>
          );
        } else if (w.code === 'QR_TOO_LONG' && onDownloadConf) {
          actions = (
            <Button size="sm" onClick={onDownloadConf} data-testid="config-too-long-conf">
              {t('configs.downloadConfShort')}
            </Button>
          );
        }
        return (
          <Banner key={w.code} tone={warningTone(w.code)} compact title={t(`configs.warning.${w.code}`)} actions={actions} data-testid={`config-warning-${w.code}`}>
            <p>{text}</p>
            {command ? <CopyBlock text={command} label={t('configs.copyCommand')} wrap /> : null}
          </Banner>
        );
      })}
      {error ? <ActionErrorPanel error={error} failedTitle={t('configs.saveEndpointFailed')} /> : null}
    </div>
  );
}
