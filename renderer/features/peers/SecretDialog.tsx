// The one-time secret after adding a peer, rotating its keys or generating a preshared key: the QR code
// large with the peer's name, the config text to copy, a .conf download named after the peer. It lives
// only in this dialog's state: closing it drops the keys from the renderer (nothing is kept in a store).
// When no endpoint is remembered for the interface the config cannot be built: the dialog offers to set
// it and builds the config by giving the peer a fresh key pair (the first one never reached a device).
import { useState } from 'react';
import { Download, KeyRound, QrCode, ShieldCheck, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ApplyReportView, ManagedPeer, ManagementWarning, OneTimeSecret } from '../../../src/contract/index.ts';
import { configFileName } from '../../../src/domain/config-file-name.ts';
import type { ActionError } from '../../lib/action-error.ts';
import { isNoteworthy } from '../../lib/change-plan.ts';
import { downloadText } from '../../lib/download.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { ApplyReportPanel } from '../../ui/ApplyReport.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { WarningList } from '../../ui/WarningList.tsx';
import { EndpointEditor } from '../interfaces/EndpointEditor.tsx';
import { useLoadedEndpoint } from '../interfaces/endpoint-store.ts';
import { noteConfigSaved } from '../configs/download-file.ts';
import { peerTitle } from './peer-view.ts';
import { useRotateKeys } from './rotate-keys.tsx';

export interface SecretResult {
  peer: ManagedPeer;
  warnings: ManagementWarning[];
  secret: OneTimeSecret | null;
  /** What produced it, for the title. */
  origin: 'create' | 'rotate' | 'psk';
  /** The plan's report; shown when verification found differences or it did not end as applied. */
  report?: ApplyReportView;
}

export interface SecretDialogProps {
  routerId: string;
  result: SecretResult;
  /** The interface's listen port and public key (the device needs them when it made its own key). */
  iface: { listenPort: number; publicKey: string } | null;
  onClose: () => void;
  /** The peer changed again (keys rotated to build the config): refresh the list. */
  onPeerChanged: () => void;
}

export function SecretDialog({ routerId, result, iface, onClose, onPeerChanged }: SecretDialogProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(result);
  const [saved, setSaved] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [rebuildError, setRebuildError] = useState<ActionError | null>(null);
  const endpoint = useLoadedEndpoint(routerId, current.peer.interface);
  const { peer, secret, warnings } = current;
  const name = peerTitle(peer);
  // "Rebuild with the endpoint" is a key rotation: it goes through the Preview step (over this dialog).
  const rotate = useRotateKeys(routerId, peer.id, name);
  const rebuilding = rotate.busy;
  const shownOnce = secret?.custody === 'shown-once' || secret?.custody === 'held';
  const fileName = configFileName(name);
  const markSaved = () => {
    setSaved(true);
    setConfirmClose(false);
  };

  const close = () => {
    if (shownOnce && !saved && !confirmClose) {
      setConfirmClose(true);
      return;
    }
    onClose();
  };

  // Endpoint saved: a fresh key pair gives a config with the endpoint in it.
  const rebuild = () => {
    setRebuildError(null);
    rotate.start(
      { custody: secret?.custody === 'stored' || !secret?.custody ? 'stored' : 'shown-once', presharedKey: 'keep' },
      (rotated) => {
        setCurrent({ ...current, peer: rotated.peer, secret: rotated.secret, warnings: [...current.warnings.filter((w) => w.code !== 'NO_ENDPOINT'), ...rotated.warnings] });
        setSaved(false);
        onPeerChanged();
      },
      setRebuildError,
    );
  };

  const canRebuild = secret !== null && secret.privateKey !== null && secret.config === null && current.origin !== 'psk';
  const visibleWarnings = secret?.config ? warnings.filter((w) => w.code !== 'NO_ENDPOINT') : warnings;
  const title =
    current.origin === 'create' ? t('secret.titleCreated', { name }) : current.origin === 'rotate' ? t('secret.titleRotated', { name }) : t('secret.titlePsk', { name });

  return (
    <Dialog
      title={title}
      description={secret?.config ? t('secret.description') : undefined}
      onClose={close}
      busy={rebuilding}
      size="xl"
      data-testid="secret-dialog"
      footer={
        <>
          {secret?.config ? (
            <span className="muted small footer-note">
              <KeyRound size={13} aria-hidden /> {shownOnce ? t('secret.footerShownOnce') : t('secret.footerStored')}
            </span>
          ) : null}
          <span className="spacer" />
          {confirmClose ? (
            <>
              <Button onClick={() => setConfirmClose(false)} data-testid="secret-back">
                {t('secret.goBack')}
              </Button>
              <Button variant="danger" onClick={onClose} data-testid="secret-close-anyway">
                {t('secret.closeAnyway')}
              </Button>
            </>
          ) : (
            <Button variant="primary" onClick={close} disabled={rebuilding} data-testid="secret-done">
              {t('secret.done')}
            </Button>
          )}
        </>
      }
    >
      <div className="stack">
        {confirmClose ? (
          <Banner tone="danger" title={t('secret.confirmTitle')} data-testid="secret-confirm-close">
            {t('secret.confirmBody')}
          </Banner>
        ) : null}
        {secret?.custody === 'stored' ? (
          <p className="custody-note ok-text" data-testid="secret-custody">
            <ShieldCheck size={15} aria-hidden />
            <span>{t('secret.custodyStored')}</span>
          </p>
        ) : shownOnce ? (
          <p className="custody-note warn-text" data-testid="secret-custody">
            <TriangleAlert size={15} aria-hidden />
            <span>{t('secret.custodyShownOnce')}</span>
          </p>
        ) : null}

        {secret?.config ? (
          <div className="secret-grid">
            <figure className="qr-figure" data-testid="secret-qr-figure">
              {secret.qr ? (
                <img src={secret.qr} alt={t('secret.qrAlt', { name })} className="qr-image" data-testid="secret-qr" />
              ) : (
                <div className="qr-missing">
                  <QrCode size={32} aria-hidden />
                  <span>{t('secret.qrTooLong')}</span>
                </div>
              )}
              <figcaption>
                <strong className="qr-name" data-testid="secret-peer-name">
                  {name}
                </strong>
                <span className="muted small">{t('secret.scanHint')}</span>
              </figcaption>
            </figure>
            <div className="config-side">
              <div className="config-head">
                <span className="field-label">{t('secret.configTitle')}</span>
                <span className="spacer" />
                <CopyButton
                  value={secret.config}
                  label={t('secret.copyConfig')}
                  showLabel
                  onCopied={() => {
                    markSaved();
                    noteConfigSaved(routerId, peer.id, 'copy', null, name);
                  }}
                  data-testid="secret-copy-config"
                />
                <Button
                  size="sm"
                  icon={<Download size={14} aria-hidden />}
                  onClick={() => {
                    downloadText(fileName, secret.config ?? '');
                    markSaved();
                    noteConfigSaved(routerId, peer.id, 'conf', fileName, name);
                  }}
                  data-testid="secret-download"
                >
                  {t('secret.download', { file: fileName })}
                </Button>
              </div>
              <pre className="config-text" data-testid="secret-config">
                {secret.config}
              </pre>
            </div>
          </div>
        ) : null}

        {secret && !secret.config ? (
          <>
            {secret.configProblem ? (
              <Banner tone={canRebuild ? 'warn' : 'info'} title={canRebuild ? t('secret.noConfigTitle') : undefined} data-testid="secret-config-problem">
                {secret.configProblem}
              </Banner>
            ) : null}
            {canRebuild ? (
              <section className="subsection" data-testid="secret-rebuild">
                <h3 className="subsection-title">{t('secret.setEndpointTitle', { iface: peer.interface })}</h3>
                <p className="muted small">{t('secret.rebuildNote')}</p>
                {endpoint ? (
                  <div className="inline-actions">
                    <span>{t('secret.endpointNowSet', { endpoint: `${endpoint.host}:${endpoint.port}` })}</span>
                    <Button size="sm" variant="primary" busy={rebuilding} onClick={rebuild} data-testid="secret-rebuild-now">
                      {t('secret.buildConfig')}
                    </Button>
                  </div>
                ) : (
                  <EndpointEditor
                    routerId={routerId}
                    iface={peer.interface}
                    listenPort={iface?.listenPort ?? null}
                    current={endpoint}
                    idPrefix="secret-endpoint"
                    saveLabel={t('secret.saveAndBuild')}
                    onSaved={rebuild}
                  />
                )}
                {rebuildError ? <ActionErrorPanel error={rebuildError} failedTitle={t('secret.rebuildFailed')} /> : null}
              </section>
            ) : null}
            <KeyLines secret={secret} onCopied={markSaved} />
          </>
        ) : null}

        {!secret ? (
          <OwnKeyNote peerName={name} iface={iface} endpoint={endpoint ? `${endpoint.host}:${endpoint.port}` : null} address={peer.allowedAddress.join(', ')} />
        ) : null}

        <WarningList warnings={visibleWarnings} />
        {isNoteworthy(result.report) ? <ApplyReportPanel report={result.report} /> : null}
      </div>
      {rotate.dialog}
    </Dialog>
  );
}

/** Keys shown on their own only when there is no config to carry them (or only a new preshared key). */
function KeyLines({ secret, onCopied }: { secret: OneTimeSecret; onCopied: () => void }) {
  const { t } = useTranslation();
  if (!secret.privateKey && !secret.presharedKey) return null;
  return (
    <dl className="key-lines" data-testid="secret-keys">
      {secret.privateKey ? (
        <>
          <dt>{t('secret.privateKey')}</dt>
          <dd>
            <code data-testid="secret-private-key">{secret.privateKey}</code>
            <CopyButton value={secret.privateKey} label={t('secret.copyPrivateKey')} onCopied={onCopied} data-testid="secret-copy-private" />
          </dd>
        </>
      ) : null}
      {secret.presharedKey ? (
        <>
          <dt>{t('secret.presharedKey')}</dt>
          <dd>
            <code data-testid="secret-psk">{secret.presharedKey}</code>
            <CopyButton value={secret.presharedKey} label={t('secret.copyPsk')} onCopied={onCopied} data-testid="secret-copy-psk" />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The device made its own key pair: what it needs from the router side. */
function OwnKeyNote({ peerName, iface, endpoint, address }: { peerName: string; iface: { listenPort: number; publicKey: string } | null; endpoint: string | null; address: string }) {
  const { t } = useTranslation();
  return (
    <div className="stack" data-testid="secret-own-key">
      <p>{t('secret.ownKeyBody', { name: peerName })}</p>
      <dl className="key-lines">
        {iface ? (
          <>
            <dt>{t('secret.routerPublicKey')}</dt>
            <dd>
              <code>{iface.publicKey}</code>
              <CopyButton value={iface.publicKey} label={t('secret.copyRouterKey')} />
            </dd>
          </>
        ) : null}
        <dt>{t('secret.address')}</dt>
        <dd>
          <code>{address}</code>
        </dd>
        <dt>{t('secret.endpoint')}</dt>
        <dd>{endpoint ? <code>{endpoint}</code> : <span className="muted">{t('secret.endpointUnknown')}</span>}</dd>
      </dl>
    </div>
  );
}
