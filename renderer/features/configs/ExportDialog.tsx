// Configs of several peers at once (configs:export): a ZIP of .conf files (optionally with each QR code as a
// PNG) or a printable PDF sheet, one QR code and name per peer, titled with the router's name. Peers whose
// config cannot be made are left out and listed with the reason. The file's bytes (private keys) go
// straight to the download; only the counts and the skipped list stay on screen.
import { useId, useState } from 'react';
import { FileArchive, FileText, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { useRouters } from '../routers/store.ts';
import { ConfigWarnings } from './ConfigWarnings.tsx';
import { peerTitle } from '../peers/peer-view.ts';
import { DEFAULT_CHOICES, requestOptions, splitList, type ConfigDialogPeer, type ExportResult, type Preset } from './config-options.ts';
import { downloadBase64 } from './download-file.ts';
import './configs.css';

export interface ExportDialogProps {
  routerId: string;
  /** The current selection of the peers table (ManagedPeer fits). */
  peers: readonly ConfigDialogPeer[];
  onClose: () => void;
}

type Kind = 'zip' | 'pdf';
/** What is kept after the download: never the file itself. */
type Outcome = Omit<ExportResult, 'base64'>;

const REASON_KEYS = 'configs.problem.';

export function ExportDialog({ routerId, peers, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const routerName = useRouters((s) => s.profiles.find((p) => p.id === routerId)?.name ?? '');
  const id = useId();
  const [kind, setKind] = useState<Kind>('zip');
  const [withQr, setWithQr] = useState(true);
  // Default: each interface's own choice (its remembered client routes), so one export can mix full and split interfaces.
  const [preset, setPreset] = useState<Preset | 'asInterface'>('asInterface');
  const [lans, setLans] = useState('');
  const [title, setTitle] = useState(routerName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const { base64, ...rest } = await invoke('configs:export', {
        routerId,
        peerIds: peers.map((p) => p.id),
        kind,
        ...requestOptions({ ...DEFAULT_CHOICES, preset: preset === 'asInterface' ? null : preset, lans: splitList(lans) }),
        ...(kind === 'zip' ? { withQrPng: withQr } : title.trim() ? { title: title.trim() } : {}),
      });
      downloadBase64(rest.fileName, base64, rest.mimeType);
      setOutcome(rest);
    } catch (e) {
      setError(toActionError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('configs.export.title', { count: peers.length })}
      description={t('configs.export.description')}
      onClose={onClose}
      busy={busy}
      size="lg"
      data-testid="config-export-dialog"
      footer={
        <>
          <span className="spacer" />
          <Button onClick={onClose} disabled={busy} data-testid="config-export-close">
            {outcome ? t('configs.done') : t('common.cancel')}
          </Button>
          <Button
            variant="primary"
            icon={kind === 'zip' ? <FileArchive size={15} aria-hidden /> : <FileText size={15} aria-hidden />}
            busy={busy}
            onClick={() => void run()}
            data-testid="config-export-run"
          >
            {kind === 'zip' ? t('configs.export.runZip') : t('configs.export.runPdf')}
          </Button>
        </>
      }
    >
      <div className="stack">
        <div className="config-option-row">
          <span className="field-label" id={`${id}-kind`}>
            {t('configs.export.kind')}
          </span>
          <Segmented<Kind>
            name={`${id}-kind`}
            aria-labelledby={`${id}-kind`}
            value={kind}
            onChange={setKind}
            options={[
              { value: 'zip', label: t('configs.export.zip'), testId: 'config-export-zip' },
              { value: 'pdf', label: t('configs.export.pdf'), testId: 'config-export-pdf' },
            ]}
          />
        </div>
        {kind === 'zip' ? (
          <label className="checkbox config-option-indent">
            <input type="checkbox" checked={withQr} onChange={(e) => setWithQr(e.target.checked)} data-testid="config-export-with-qr" />
            <span>{t('configs.export.withQr')}</span>
          </label>
        ) : (
          <div className="config-option-row">
            <label className="field-label" htmlFor={`${id}-title`}>
              {t('configs.export.sheetTitle')}
            </label>
            <input id={`${id}-title`} className="input" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} data-testid="config-export-title" />
          </div>
        )}
        <div className="config-option-row">
          <span className="field-label" id={`${id}-preset`}>
            {t('configs.preset')}
          </span>
          <Segmented<Preset | 'asInterface'>
            name={`${id}-preset`}
            aria-labelledby={`${id}-preset`}
            value={preset}
            onChange={setPreset}
            options={[
              { value: 'asInterface', label: t('configs.asInterface'), testId: 'config-export-as-interface' },
              { value: 'full', label: t('configs.full'), testId: 'config-export-full' },
              { value: 'split', label: t('configs.split'), testId: 'config-export-split' },
            ]}
          />
          <span className="muted small">{t(preset === 'asInterface' ? 'configs.asInterfaceHint' : preset === 'full' ? 'configs.fullHint' : 'configs.splitHint')}</span>
        </div>
        {preset === 'split' ? (
          <div className="config-option-row">
            <label className="field-label" htmlFor={`${id}-lans`}>
              {t('configs.lans')}
            </label>
            <input
              id={`${id}-lans`}
              className="input mono config-dns"
              value={lans}
              placeholder="192.168.88.0/24"
              onChange={(e) => setLans(e.target.value)}
              spellCheck={false}
              autoComplete="off"
              data-testid="config-export-lans"
            />
          </div>
        ) : null}

        <div>
          <span className="field-label">{t('configs.export.peers', { count: peers.length })}</span>
          <ul className="name-list" data-testid="config-export-peers">
            {peers.map((p) => (
              <li key={p.id}>
                <span className="ellipsis">{peerTitle(p)}</span>
              </li>
            ))}
          </ul>
        </div>

        {error ? <ActionErrorPanel error={error} failedTitle={t('configs.export.failed')} data-testid="config-export-error" /> : null}
        {outcome ? (
          <>
            <Banner tone={outcome.skipped.length > 0 ? 'warn' : 'ok'} title={t('configs.export.saved', { file: outcome.fileName })} data-testid="config-export-result">
              {t('configs.export.savedBody', { count: outcome.count })}
              {outcome.skipped.length > 0 ? ` ${t('configs.export.skippedBody', { count: outcome.skipped.length })}` : ''}
            </Banner>
            {outcome.skipped.length > 0 ? (
              <ul className="result-list" data-testid="config-export-skipped">
                {outcome.skipped.map((s) => (
                  <li key={s.peerId} data-reason={s.reason}>
                    <TriangleAlert size={14} className="warn-text" aria-hidden />
                    <span className="result-name">{s.name}</span>
                    <span>
                      <strong className="small">{t(`${REASON_KEYS}${s.reason}`)}</strong>
                      <span className="muted small config-skip-message">{s.message}</span>
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            <ConfigWarnings warnings={outcome.warnings} data-testid="config-export-warnings" />
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
