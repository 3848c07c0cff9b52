// "Config & QR" for one peer, rebuilt from the key WireDesk keeps (configs:get): the QR code large under the
// peer's name, full or split tunnel (at first what the technician chose for the interface: its remembered client
// routes, else full), DNS, the endpoint and where it came from, warnings, the wg-quick text
// to copy, and the files (.conf, QR as PNG or SVG). The config carries the peer's private key: it lives only
// in this dialog's state and is dropped when the dialog closes. A peer without a stored key gets no config
// but the reason and "Rotate keys", after which the new one-time config is shown here.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Download, FileImage, KeyRound, Pencil, QrCode, RotateCw, Smartphone } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ConfigProblem, EndpointSuggestion } from '../../../src/contract/index.ts';
import { configFileName } from '../../../src/domain/config-file-name.ts';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { downloadText } from '../../lib/download.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { useEndpoints } from '../interfaces/endpoint-store.ts';
import { OpenPortDialog } from '../interfaces/InterfaceDialogs.tsx';
import { useInterfaces } from '../interfaces/store.ts';
import { peerTitle } from '../peers/peer-view.ts';
import { useRouters } from '../routers/store.ts';
import { ConfigWarnings } from './ConfigWarnings.tsx';
import {
  DEFAULT_CHOICES,
  ROTATE_PROBLEMS,
  defaultLans,
  endpointText,
  parseEndpoint,
  problemOf,
  requestOptions,
  type ConfigChoices,
  type ConfigDialogPeer,
  type ConfigResult,
  type Preset,
} from './config-options.ts';
import { downloadBase64, noteConfigSaved } from './download-file.ts';
import './configs.css';
import { useRotateKeys } from '../peers/rotate-keys.tsx';


export interface ConfigDialogProps {
  routerId: string;
  peer: ConfigDialogPeer;
  onClose: () => void;
  /** The peer's keys were rotated here: refresh the list. */
  onPeerChanged?: () => void;
}

/** What is on screen: a config from configs:get, or the one-time config of a key rotation. */
interface Shown {
  name: string;
  text: string;
  qrDataUrl: string | null;
  fileName: string;
  origin: 'get' | 'rotate';
}

export function ConfigDialog({ routerId, peer: row, onClose, onPeerChanged }: ConfigDialogProps) {
  const { t } = useTranslation();
  const peer = { id: row.id, interface: row.interface, label: peerTitle(row) };
  // Offline, main builds configs from its saved copy; rotating keys needs the router itself.
  const online = useRouters((s) => s.statuses[routerId]?.state === 'online');
  const [choices, setChoices] = useState<ConfigChoices>(DEFAULT_CHOICES);
  const [result, setResult] = useState<ConfigResult | null>(null);
  const [rotated, setRotated] = useState<Shown | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [reload, setReload] = useState(0);
  // The request the newest answer belongs to: loading while it differs from the current one.
  const [answered, setAnswered] = useState<{ choices: ConfigChoices; reload: number } | null>(null);
  const [fileError, setFileError] = useState<ActionError | null>(null);
  const [exporting, setExporting] = useState<'png' | 'svg' | null>(null);
  // A peer with no stored key gets new keys here: through the Preview step (over this dialog).
  const rotation = useRotateKeys(routerId, peer.id, peer.label);
  const rotating = rotation.busy;
  const [lanOptions, setLanOptions] = useState<ConfigResult['lanOptions']>([]);
  // The interface's remembered split tunnel, as the first answer used it: the networks ticked when split is chosen again.
  const [remembered, setRemembered] = useState<readonly string[] | null>(null);
  const request = useRef(0);
  // A port the firewall drops is fixed from here too, through the same Preview step as on the Interfaces tab.
  const interfaceRows = useInterfaces((s) => s.byRouter[routerId]?.data?.rows);
  const closedPort = online ? interfaceRows?.find((i) => i.name === result?.interface && i.firewall.state === 'closed') ?? null : null;
  const [openingPort, setOpeningPort] = useState(false);

  // Every change of the choices asks main again; only the newest answer is shown.
  useEffect(() => {
    const id = ++request.current;
    invoke('configs:get', { routerId, peerId: peer.id, ...requestOptions(choices, lanOptions) }).then(
      (value) => {
        if (id !== request.current) return;
        setResult(value);
        setLanOptions(value.lanOptions);
        if (choices.preset === null) setRemembered(value.preset === 'split' ? value.allowedIps : null);
        setError(null);
        setAnswered({ choices, reload });
      },
      (e: unknown) => {
        if (id !== request.current) return;
        setResult(null);
        setError(toActionError(e));
        setAnswered({ choices, reload });
      },
    );
    // lanOptions only fill in the default ticks; a new list must not ask again by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [routerId, peer.id, choices, reload]);

  // Closing drops the config (and with it the private key) before the dialog goes.
  const close = useCallback(() => {
    request.current++;
    setResult(null);
    setRotated(null);
    onClose();
  }, [onClose]);

  const change = (next: Partial<ConfigChoices>) => {
    setRotated(null);
    setChoices((c) => ({ ...c, ...next }));
  };

  const rotate = () => {
    setError(null);
    rotation.start(
      { custody: 'stored', presharedKey: 'keep' },
      (out) => {
        onPeerChanged?.();
        const name = out.peer.name || out.peer.comment || peer.label;
        if (out.secret?.config) {
          setRotated({ name, text: out.secret.config, qrDataUrl: out.secret.qr, fileName: configFileName(name), origin: 'rotate' });
        } else {
          // The new key is stored: configs:get can build it now (or says what else is missing).
          setReload((n) => n + 1);
        }
      },
      setError,
    );
  };

  const exportQr = async (kind: 'png' | 'svg') => {
    setExporting(kind);
    setFileError(null);
    try {
      const out = await invoke('configs:export', { routerId, peerIds: [peer.id], kind, ...requestOptions(choices, lanOptions) });
      downloadBase64(out.fileName, out.base64, out.mimeType);
    } catch (e) {
      setFileError(toActionError(e));
    } finally {
      setExporting(null);
    }
  };

  const shown: Shown | null =
    rotated ?? (result ? { name: result.peerName || peer.label, text: result.text, qrDataUrl: result.qrDataUrl, fileName: result.fileName, origin: 'get' } : null);
  const problem = error ? problemOf(error.details) : null;
  const loading = answered?.choices !== choices || answered.reload !== reload;
  const busy = (loading && !rotated) || rotating;

  return (
    <Dialog
      title={t('configs.title', { name: shown?.name ?? peer.label })}
      description={t('configs.description', { iface: peer.interface })}
      onClose={close}
      busy={rotating}
      size="xl"
      data-testid="config-dialog"
      footer={
        <>
          {shown ? (
            <div className="config-files">
              <Button
                icon={<Download size={15} aria-hidden />}
                onClick={() => {
                  downloadText(shown.fileName, shown.text);
                  noteConfigSaved(routerId, peer.id, 'conf', shown.fileName, shown.name);
                }}
                data-testid="config-download-conf"
              >
                {t('configs.downloadConf', { file: shown.fileName })}
              </Button>
              {shown.qrDataUrl ? (
                <Button icon={<FileImage size={15} aria-hidden />} busy={exporting === 'png'} onClick={() => (shown.origin === 'rotate' ? saveDataUrl(shown, () => noteConfigSaved(routerId, peer.id, 'png', pngName(shown), shown.name)) : void exportQr('png'))} data-testid="config-save-png">
                  {t('configs.savePng')}
                </Button>
              ) : null}
              {shown.qrDataUrl && shown.origin === 'get' ? (
                <Button icon={<FileImage size={15} aria-hidden />} busy={exporting === 'svg'} onClick={() => void exportQr('svg')} data-testid="config-save-svg">
                  {t('configs.saveSvg')}
                </Button>
              ) : null}
            </div>
          ) : null}
          <span className="spacer" />
          <Button variant="primary" onClick={close} disabled={rotating} data-testid="config-done">
            {t('configs.done')}
          </Button>
        </>
      }
    >
      <div className={`config-layout${busy && shown ? ' is-refreshing' : ''}`} aria-busy={busy}>
        <figure className="config-qr" data-testid="config-qr-figure">
          <figcaption className="config-qr-name" data-testid="config-peer-name">
            {shown?.name ?? peer.label}
          </figcaption>
          {shown?.qrDataUrl ? (
            <img src={shown.qrDataUrl} alt={t('configs.qrAlt', { name: shown.name })} className="config-qr-image" data-testid="config-qr" />
          ) : (
            <div className="config-qr-empty" data-testid="config-qr-empty">
              <QrCode size={36} aria-hidden />
              <span>{shown ? t('configs.qrTooLong') : busy ? t('configs.loading') : t('configs.noQr')}</span>
            </div>
          )}
          {shown?.qrDataUrl ? (
            <p className="config-scan-hint" data-testid="config-scan-hint">
              <Smartphone size={15} aria-hidden />
              <span>{t('configs.scanHint')}</span>
            </p>
          ) : null}
        </figure>

        <div className="config-main">
          {rotated ? (
            <Banner
              tone="ok"
              title={t('configs.rotatedTitle')}
              actions={
                <Button size="sm" onClick={() => change({})} data-testid="config-rotated-options">
                  {t('configs.rotatedOptions')}
                </Button>
              }
              data-testid="config-rotated"
            >
              {t('configs.rotatedBody')}
            </Banner>
          ) : problem && NO_OPTIONS.includes(problem) ? null : (
            <Options
              choices={choices}
              lanOptions={lanOptions}
              remembered={remembered}
              result={result}
              onChange={change}
            />
          )}

          {error ? (
            <ProblemPanel
              routerId={routerId}
              iface={peer.interface}
              error={error}
              problem={problem}
              rotating={rotating}
              online={online}
              onRotate={rotate}
              onEndpoint={(endpoint) => change({ endpoint })}
              onSaved={() => change({ endpoint: null })}
              onFullTunnel={() => change({ preset: 'full' })}
            />
          ) : null}

          {result && !rotated ? (
            <ConfigWarnings
              warnings={result.warnings}
              routerId={routerId}
              iface={result.interface}
              endpoint={result.endpoint}
              onEndpointSaved={() => change({ endpoint: null })}
              onDownloadConf={() => {
                downloadText(result.fileName, result.text);
                noteConfigSaved(routerId, peer.id, 'conf', result.fileName, result.peerName || peer.label);
              }}
              {...(closedPort ? { onOpenPort: () => setOpeningPort(true) } : {})}
            />
          ) : null}
          {openingPort && closedPort ? (
            <OpenPortDialog
              routerId={routerId}
              row={closedPort}
              onClose={() => setOpeningPort(false)}
              onDone={() => {
                setOpeningPort(false);
                setReload((n) => n + 1);
              }}
            />
          ) : null}

          {shown ? (
            <div className="config-text-box">
              <div className="config-head">
                <span className="field-label">{t('configs.textTitle')}</span>
                {result?.hasPresharedKey && !rotated ? <span className="muted small">{t('configs.withPsk')}</span> : null}
                <span className="spacer" />
                <CopyButton value={shown.text} label={t('configs.copy')} showLabel onCopied={() => noteConfigSaved(routerId, peer.id, 'copy', null, shown.name)} data-testid="config-copy" />
              </div>
              <pre className="config-text" data-testid="config-text">
                {shown.text}
              </pre>
              <p className="muted small config-key-note">
                <KeyRound size={13} aria-hidden /> {t('configs.keyNote')}
              </p>
            </div>
          ) : null}
          {fileError ? <ActionErrorPanel error={fileError} failedTitle={t('configs.fileFailed')} data-testid="config-file-error" /> : null}
        </div>
      </div>
      {rotation.dialog}
    </Dialog>
  );
}

/** Problems no tunnel option can change: the options are not shown with them. */
const NO_OPTIONS: readonly ConfigProblem[] = [...ROTATE_PROBLEMS, 'DYNAMIC_PEER', 'PSK_HIDDEN', 'PSK_NEEDS_ROUTER'];

const pngName = (shown: Shown): string => shown.fileName.replace(/\.conf$/, '.png');

/** A QR code from a rotation is already a PNG: saved as it is. */
function saveDataUrl(shown: Shown, onSaved: () => void): void {
  const base64 = shown.qrDataUrl?.split(',')[1];
  if (!base64) return;
  downloadBase64(pngName(shown), base64, 'image/png');
  onSaved();
}

const SOURCE_KEYS: Record<ConfigResult['endpoint']['source'], string> = {
  request: 'configs.source.request',
  remembered: 'configs.source.remembered',
  peer: 'configs.source.peer',
  ddns: 'configs.source.ddns',
  'public-address': 'configs.source.public-address',
};

function Options({
  choices,
  lanOptions,
  remembered,
  result,
  onChange,
}: {
  choices: ConfigChoices;
  lanOptions: ConfigResult['lanOptions'];
  /** The interface's remembered client routes; null when it has none (full tunnel). */
  remembered: readonly string[] | null;
  result: ConfigResult | null;
  onChange: (next: Partial<ConfigChoices>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [dns, setDns] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  // Until the technician picks one, the tunnel is the one main chose: the interface's remembered routes, else full.
  const preset: Preset = choices.preset ?? result?.preset ?? 'full';
  const lans = choices.lans ?? remembered ?? defaultLans(lanOptions);
  // Until the technician types, the field shows what the config uses.
  const dnsShown = dns ?? choices.dns ?? result?.dns.join(', ') ?? '';
  const applyDns = () => {
    if (dns !== null && dns !== (choices.dns ?? result?.dns.join(', '))) onChange({ dns });
    setDns(null);
  };

  return (
    <div className="config-options" data-testid="config-options">
      <div className="config-option-row">
        <span className="field-label" id={`${id}-preset`}>
          {t('configs.preset')}
        </span>
        <Segmented<Preset>
          name={`${id}-preset`}
          aria-labelledby={`${id}-preset`}
          value={preset}
          onChange={(next) => onChange({ preset: next, lans: next === 'split' ? lans : choices.lans })}
          options={[
            { value: 'full', label: t('configs.full'), testId: 'config-preset-full' },
            { value: 'split', label: t('configs.split'), testId: 'config-preset-split' },
          ]}
        />
        <span className="muted small">{preset === 'full' ? t('configs.fullHint') : t('configs.splitHint')}</span>
      </div>
      {choices.preset === null && remembered && result ? (
        <p className="muted small" data-testid="config-remembered-routes">
          {t('configs.rememberedRoutes', { iface: result.interface, routes: remembered.join(', ') })}
        </p>
      ) : null}

      {preset === 'split' ? (
        <fieldset className="config-lans" data-testid="config-lans">
          <legend className="field-label">{t('configs.lans')}</legend>
          {lanOptions.length === 0 ? <p className="muted small">{t('configs.noLans')}</p> : null}
          {lanOptions.map((o) => (
            <label key={o.network} className="checkbox">
              <input
                type="checkbox"
                checked={lans.includes(o.network)}
                onChange={(e) => onChange({ preset: 'split', lans: e.target.checked ? [...lans, o.network] : lans.filter((n) => n !== o.network) })}
                data-testid={`config-lan-${o.network}`}
              />
              <span>
                <code>{o.network}</code>{' '}
                <span className="muted small">
                  {[o.interface, o.comment, o.private ? null : t('configs.publicNet')].filter(Boolean).join(' · ')}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}

      <div className="config-option-row">
        <label className="field-label" htmlFor={`${id}-dns`}>
          {t('configs.dns')}
        </label>
        <input
          id={`${id}-dns`}
          className="input mono config-dns"
          value={dnsShown}
          placeholder={t('configs.dnsPlaceholder')}
          onChange={(e) => setDns(e.target.value)}
          onBlur={applyDns}
          onKeyDown={(e) => {
            if (e.key === 'Enter') applyDns();
          }}
          spellCheck={false}
          autoComplete="off"
          data-testid="config-dns"
        />
      </div>

      <div className="config-option-row config-endpoint" data-testid="config-endpoint">
        <span className="field-label">{t('configs.endpoint')}</span>
        {editing ? (
          <EndpointInput
            initial={choices.endpoint ?? (result ? endpointText(result.endpoint) : '')}
            suggestion={result?.endpointSuggestion ?? null}
            onUse={(text) => {
              setEditing(false);
              onChange({ endpoint: text });
            }}
            onCancel={() => setEditing(false)}
          />
        ) : result ? (
          <span className="config-endpoint-value">
            <code data-testid="config-endpoint-value">{endpointText(result.endpoint)}</code>
            <span className="muted small" data-testid="config-endpoint-source" data-source={result.endpoint.source}>
              {t(SOURCE_KEYS[result.endpoint.source], { iface: result.interface })}
            </span>
            <Button size="sm" variant="ghost" icon={<Pencil size={13} aria-hidden />} onClick={() => setEditing(true)} data-testid="config-endpoint-change">
              {t('configs.change')}
            </Button>
          </span>
        ) : (
          <span className="muted small">—</span>
        )}
      </div>
    </div>
  );
}

/** host or host:port for this config; the remembered one is changed from the warning or the problem panel. */
function EndpointInput({
  initial,
  suggestion,
  onUse,
  onCancel,
  saveLabel,
  onSave,
  busy = false,
}: {
  initial: string;
  suggestion: EndpointSuggestion | null;
  onUse?: (text: string) => void;
  onCancel?: () => void;
  saveLabel?: string;
  onSave?: (endpoint: { host: string; port: number | null }) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const parsed = parseEndpoint(text);
  const submit = (action: 'use' | 'save') => {
    if (!parsed) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (action === 'use') onUse?.(text.trim());
    else onSave?.(parsed);
  };
  return (
    <div className="config-endpoint-edit">
      <input
        className="input mono"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit(onSave ? 'save' : 'use');
          if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
        placeholder={t('configs.endpointPlaceholder')}
        aria-label={t('configs.endpoint')}
        aria-invalid={invalid || undefined}
        spellCheck={false}
        autoComplete="off"
        data-autofocus
        data-testid="config-endpoint-input"
      />
      {onUse ? (
        <Button size="sm" variant="primary" onClick={() => submit('use')} data-testid="config-endpoint-use">
          {t('configs.useEndpoint')}
        </Button>
      ) : null}
      {onSave ? (
        <Button size="sm" variant="primary" busy={busy} onClick={() => submit('save')} data-testid="config-endpoint-save">
          {saveLabel}
        </Button>
      ) : null}
      {onCancel ? (
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
      {suggestion?.host && suggestion.host !== text ? (
        <Button size="sm" variant="ghost" onClick={() => setText(suggestion.port ? endpointText({ host: suggestion.host!, port: suggestion.port }) : suggestion.host!)} data-testid="config-endpoint-suggestion">
          {t('configs.useSuggestion', { host: suggestion.host })}
        </Button>
      ) : null}
      {invalid ? <p className="field-error">{t('configs.endpointInvalid')}</p> : null}
    </div>
  );
}

const PROBLEM_TITLES: Record<ConfigProblem, string> = {
  NO_PRIVATE_KEY: 'configs.problem.NO_PRIVATE_KEY',
  KEY_SHOWN_ONCE: 'configs.problem.KEY_SHOWN_ONCE',
  KEY_MISMATCH: 'configs.problem.KEY_MISMATCH',
  PSK_HIDDEN: 'configs.problem.PSK_HIDDEN',
  PSK_NEEDS_ROUTER: 'configs.problem.PSK_NEEDS_ROUTER',
  NO_CLIENT_ADDRESS: 'configs.problem.NO_CLIENT_ADDRESS',
  NO_ENDPOINT: 'configs.problem.NO_ENDPOINT',
  NO_TUNNEL_SUBNET: 'configs.problem.NO_TUNNEL_SUBNET',
  DYNAMIC_PEER: 'configs.problem.DYNAMIC_PEER',
  INVALID_CONFIG: 'configs.problem.INVALID_CONFIG',
};

/** No config: why (main's words), and the way out where there is one. */
function ProblemPanel({
  routerId,
  iface,
  error,
  problem,
  rotating,
  online,
  onRotate,
  onEndpoint,
  onSaved,
  onFullTunnel,
}: {
  routerId: string;
  iface: string;
  error: ActionError;
  problem: ConfigProblem | null;
  rotating: boolean;
  online: boolean;
  onRotate: () => void;
  onEndpoint: (text: string) => void;
  onSaved: () => void;
  onFullTunnel: () => void;
}) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState(false);
  const [suggestion, setSuggestion] = useState<EndpointSuggestion | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ActionError | null>(null);
  const save = useEndpoints((s) => s.save);

  useEffect(() => {
    if (problem !== 'NO_ENDPOINT') return;
    let live = true;
    invoke('endpoints:suggest', { routerId, interface: iface }).then(
      (s) => live && setSuggestion(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [problem, routerId, iface]);

  if (!problem) return <ActionErrorPanel error={error} failedTitle={t('configs.failed')} data-testid="config-error" />;

  const canRotate = ROTATE_PROBLEMS.includes(problem);
  return (
    <div className="stack" data-testid="config-problem" data-reason={problem}>
      <Banner tone={problem === 'DYNAMIC_PEER' ? 'info' : 'warn'} title={t(PROBLEM_TITLES[problem])}>
        <p data-testid="config-problem-message">{error.message}</p>
        {problem === 'PSK_HIDDEN' ? <p className="muted small">{t('configs.pskHiddenHint')}</p> : null}
      </Banner>
      {canRotate ? (
        confirm ? (
          <Banner
            tone="danger"
            title={t('configs.rotateConfirmTitle')}
            actions={
              <>
                <Button size="sm" onClick={() => setConfirm(false)} disabled={rotating}>
                  {t('common.cancel')}
                </Button>
                <Button size="sm" variant="danger" busy={rotating} onClick={onRotate} data-testid="config-rotate-confirm">
                  {t('configs.rotate')}
                </Button>
              </>
            }
            data-testid="config-rotate-warning"
          >
            {t('configs.rotateConfirmBody')}
          </Banner>
        ) : (
          <div className="inline-actions">
            <Button variant="primary" icon={<RotateCw size={15} aria-hidden />} disabled={!online} onClick={() => setConfirm(true)} data-testid="config-rotate">
              {t('configs.rotate')}
            </Button>
            <span className="muted small">{online ? t('configs.rotateHint') : t('configs.rotateOffline')}</span>
          </div>
        )
      ) : null}
      {problem === 'NO_TUNNEL_SUBNET' ? (
        <div className="inline-actions">
          <Button onClick={onFullTunnel}>{t('configs.useFull')}</Button>
        </div>
      ) : null}
      {problem === 'NO_ENDPOINT' ? (
        <section className="subsection" data-testid="config-endpoint-needed">
          <h3 className="subsection-title">{t('configs.endpointNeeded', { iface })}</h3>
          <p className="muted small">{t('configs.endpointNeededHint')}</p>
          <EndpointInput
            key={suggestion?.host ?? ''}
            initial={suggestion?.host ? (suggestion.port ? endpointText({ host: suggestion.host, port: suggestion.port }) : suggestion.host) : ''}
            suggestion={null}
            onUse={onEndpoint}
            saveLabel={t('configs.saveEndpoint', { iface })}
            busy={saving}
            onSave={(endpoint) => {
              if (endpoint.port === null) {
                // Without a port the interface's listen port is meant: main fills it in for this config.
                onEndpoint(endpoint.host);
                return;
              }
              setSaving(true);
              setSaveError(null);
              save(routerId, iface, endpoint.host, endpoint.port).then(
                () => {
                  setSaving(false);
                  onSaved();
                },
                (e: unknown) => {
                  setSaving(false);
                  setSaveError(toActionError(e));
                },
              );
            }}
          />
          {suggestion?.source === 'ddns' ? <p className="muted small">{t('configs.suggestedDdns', { host: suggestion.host })}</p> : null}
          {saveError ? <ActionErrorPanel error={saveError} failedTitle={t('configs.saveEndpointFailed')} /> : null}
        </section>
      ) : null}
    </div>
  );
}
