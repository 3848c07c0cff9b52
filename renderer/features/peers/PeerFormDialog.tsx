// Add or edit a peer. Adding: the interface's next free address is filled in (with how full its pool is),
// the checks the router would warn about are shown before anything is sent (peers:precheck), and the key
// custody is a deliberate choice. Editing sends only what changed. Errors land next to their field, or
// say what the router answered. Saving shows the plan first (the exact commands and the diff) and applies
// it from there, unless the setting to apply single-peer changes without preview is on.
import { useEffect, useId, useRef, useState } from 'react';
import { Globe, KeyRound, Pencil, RotateCw, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ApplyReportView, InvokeInput, InvokeOutput, ManagedPeer, WgInterface } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { errorField, toActionError, type ActionError } from '../../lib/action-error.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { isNoteworthy } from '../../lib/change-plan.ts';
import { ApplyReportPanel } from '../../ui/ApplyReport.tsx';
import { ChangePreviewDialog } from '../changes/PlanPreview.tsx';
import { usePlanFlow } from '../changes/use-plan-flow.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog, FormDialog } from '../../ui/Dialog.tsx';
import { Field, fieldAria } from '../../ui/Field.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { WarningList } from '../../ui/WarningList.tsx';
import { EndpointEditor } from '../interfaces/EndpointEditor.tsx';
import { endpointText } from '../configs/config-options.ts';
import { useEndpoint, useEndpoints } from '../interfaces/endpoint-store.ts';
import { useClientRoutes, useRememberedRoutes } from '../interfaces/client-routes-store.ts';
import { emptyPeerForm, PEER_FIELDS, peerFormFrom, startingInterface, toCreateInput, toUpdateInput, type FieldErrors, type KeyCustody, type PeerField, type PeerFormValues } from './peer-form.ts';
import type { SecretResult } from './SecretDialog.tsx';
import { AddAddressDialog, OpenPortDialog } from '../interfaces/InterfaceDialogs.tsx';

/** Server errors shown next to their field rather than in the panel (the interface select is not there when editing). */
const SHOWN_BESIDE_FIELD: readonly PeerField[] = PEER_FIELDS.filter((f) => f !== 'interface');

type Precheck = InvokeOutput<'peers:precheck'>;
type PrecheckState = { state: 'idle' } | { state: 'loading' } | { state: 'ok'; value: Precheck } | { state: 'error'; error: ActionError };

export interface PeerFormDialogProps {
  routerId: string;
  /** Interfaces peers can be added to (router-made ones left out). */
  interfaces: readonly WgInterface[];
  /** 7.15+: peers have names; before, the name is saved as the comment. */
  hasNames: boolean;
  routerVersion: string | null;
  /** The peer being edited; undefined to add one. */
  peer?: ManagedPeer;
  /** Where a new peer starts; a name not in `interfaces` is ignored. */
  defaultInterface?: string;
  onClose: () => void;
  /** A secret to show once (new peer, new preshared key), or the new peer without one (own key). */
  onSecret: (result: SecretResult) => void;
  /** Saved without a secret: refresh the list. */
  onSaved: () => void;
  onRotate?: (peer: ManagedPeer) => void;
}

export function PeerFormDialog({ routerId, interfaces, hasNames, routerVersion, peer, defaultInterface, onClose, onSecret, onSaved, onRotate }: PeerFormDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const editing = peer !== undefined;
  const [original] = useState<PeerFormValues>(() => (peer ? peerFormFrom(peer, hasNames) : emptyPeerForm(startingInterface(interfaces, defaultInterface))));
  const [values, setValues] = useState<PeerFormValues>(original);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ warnings: InvokeOutput<'peers:update'>['warnings']; report: ApplyReportView | undefined } | null>(null);
  const flow = usePlanFlow();
  // What the preview on screen was made from: Apply sends exactly this, with the plan's id.
  const pending = useRef<{ kind: 'create'; input: InvokeInput<'peers:create'> } | { kind: 'update'; input: InvokeInput<'peers:update'> } | null>(null);
  // Keyed by interface: an answer for another interface than the one now chosen means "still loading".
  const [precheckFor, setPrecheckFor] = useState<{ iface: string; state: PrecheckState } | null>(null);
  // The closed-port warning's fix, previewed over this form; the checks run again after it.
  const [openingPort, setOpeningPort] = useState(false);
  const [addingAddress, setAddingAddress] = useState(false);
  const [checks, setChecks] = useState(0);
  const [endpointOpen, setEndpointOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const custodyName = useId();
  // The interface shown is the one used and sent: should the chosen one leave the list while the form is
  // open (deleted meanwhile), the select falls back to one the router has, and so does everything else.
  const ifaceName = editing ? values.iface : startingInterface(interfaces, values.iface);
  const iface = interfaces.find((i) => i.name === ifaceName) ?? null;
  const endpoint = useEndpoint(routerId, ifaceName);
  const loadEndpoint = useEndpoints((s) => s.load);
  // What the new peer's config routes, as main fills it in: the interface's remembered split tunnel, if any.
  const clientRoutes = useRememberedRoutes(routerId, ifaceName)?.routes ?? null;
  const loadRoutes = useClientRoutes((s) => s.load);

  // New peer: what the router would warn about and the next free address, for the chosen interface.
  useEffect(() => {
    if (editing || !ifaceName) return;
    let cancelled = false;
    const iface = ifaceName;
    invoke('peers:precheck', { routerId, interface: iface }).then(
      (value) => !cancelled && setPrecheckFor({ iface, state: { state: 'ok', value } }),
      (e: unknown) => !cancelled && setPrecheckFor({ iface, state: { state: 'error', error: toActionError(e) } }),
    );
    loadEndpoint(routerId, iface).catch(() => undefined);
    loadRoutes(routerId, iface).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [editing, routerId, ifaceName, loadEndpoint, loadRoutes, checks]);

  const set = <K extends keyof PeerFormValues>(key: K, value: PeerFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setError(null);
    setLocalErrors({});
  };

  const precheck: PrecheckState = editing || !ifaceName ? { state: 'idle' } : precheckFor?.iface === ifaceName ? precheckFor.state : { state: 'loading' };
  const serverField = errorField(error);
  const fieldError = (field: PeerField): string | null => {
    const local = localErrors[field];
    if (local) return local === 'required' ? t(`peerForm.required.${field}`) : local;
    if (serverField === field && error) return error.message;
    return null;
  };

  const suggestion = precheck.state === 'ok' ? precheck.value.nextAddress?.join(', ') ?? null : null;
  const poolProblem = precheck.state === 'ok' ? precheck.value.nextAddressProblem : null;
  const addressValue = editing || values.addressEdited ? values.address : (suggestion ?? '');
  const addressError = fieldError('allowedAddress') ?? (!editing && !values.addressEdited ? poolProblem : null);
  // What the interface's other peers use, until the technician types something else (or clears it).
  const usualDns = precheck.state === 'ok' ? precheck.value.suggestedDns.join(', ') : '';
  const dnsFollows = !editing && !values.dnsEdited;
  const dnsValue = dnsFollows ? usualDns : values.dns;

  const focusFirstInvalid = () => window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const updated = (result: InvokeOutput<'peers:update'>) => {
    if (result.secret) onSecret({ peer: result.peer, warnings: result.warnings, secret: result.secret, origin: 'psk', report: result.report });
    else if (result.warnings.length > 0 || isNoteworthy(result.report)) {
      setSaved({ warnings: result.warnings, report: result.report });
      setSaving(false);
      onSaved();
    } else {
      onSaved();
      onClose();
    }
  };
  const created = (result: InvokeOutput<'peers:create'>) => onSecret({ peer: result.peer, warnings: result.warnings, secret: result.secret, origin: 'create', report: result.report });

  /** Straight to the router (setting on), or to the Preview step; a refusal lands next to its field. */
  const send = async (next: NonNullable<typeof pending.current>) => {
    setSaving(true);
    if (flow.skip) {
      try {
        if (next.kind === 'update') updated(await invoke('peers:update', next.input));
        else created(await invoke('peers:create', next.input));
      } catch (e) {
        setError(toActionError(e));
        setSaving(false);
        focusFirstInvalid();
      }
      return;
    }
    pending.current = next;
    const outcome = next.kind === 'update' ? await flow.preview({ kind: 'peer.update', input: next.input }) : await flow.preview({ kind: 'peer.create', input: next.input });
    setSaving(false);
    if (!outcome.ok) {
      setError(outcome.error);
      focusFirstInvalid();
    }
  };

  const applyPlan = async () => {
    const next = pending.current;
    if (!next) return;
    if (next.kind === 'update') {
      const result = await flow.apply((planId) => invoke('peers:update', { ...next.input, planId }));
      if (result) updated(result);
    } else {
      const result = await flow.apply((planId) => invoke('peers:create', { ...next.input, planId }));
      if (result) created(result);
    }
  };

  const submit = async () => {
    setError(null);
    if (editing) {
      const checked = toUpdateInput(routerId, peer, original, values);
      if (checked === null) {
        onClose();
        return;
      }
      if (!checked.ok) {
        setLocalErrors(checked.errors);
        focusFirstInvalid();
        return;
      }
      await send({ kind: 'update', input: checked.input });
      return;
    }
    const checked = toCreateInput(routerId, { ...values, iface: ifaceName, dns: dnsValue });
    if (!checked.ok) {
      setLocalErrors(checked.errors);
      focusFirstInvalid();
      return;
    }
    await send({ kind: 'create', input: checked.input });
  };

  const custodyOptions: ReadonlyArray<{ value: KeyCustody; title: string; body: string }> = [
    { value: 'stored', title: t('peerForm.custodyStored'), body: t('peerForm.custodyStoredBody') },
    { value: 'shown-once', title: t('peerForm.custodyShownOnce'), body: t('peerForm.custodyShownOnceBody') },
  ];
  const noKey = peer && !peer.hasPrivateKey;

  const shownName = values.name || peer?.name || '';
  if (flow.plan) {
    return (
      <ChangePreviewDialog
        title={editing ? t('changes.preview.titleEdit', { name: shownName || peer.publicKey.slice(0, 8) }) : t('changes.preview.titleCreate', { name: shownName, iface: ifaceName })}
        flow={flow}
        onBack={flow.back}
        onClose={onClose}
        onApply={() => void applyPlan()}
        failedTitle={editing ? t('peerForm.saveFailed') : t('peerForm.addFailed')}
      />
    );
  }

  if (saved) {
    return (
      <Dialog
        title={t('peerForm.savedTitle', { name: values.name || peer?.name || '' })}
        onClose={onClose}
        size="md"
        data-testid="peer-form"
        footer={
          <>
            <span className="spacer" />
            <Button variant="primary" onClick={onClose} data-testid="peer-form-close">
              {t('common.close')}
            </Button>
          </>
        }
      >
        <div className="stack">
          <Banner tone="ok" title={t('peerForm.saved')} data-testid="peer-saved" />
          <WarningList warnings={saved.warnings} />
          {isNoteworthy(saved.report) ? <ApplyReportPanel report={saved.report} /> : null}
        </div>
      </Dialog>
    );
  }

  return (
    <FormDialog
      title={editing ? t('peerForm.editTitle', { name: original.name || peer.publicKey.slice(0, 8) }) : t('peerForm.addTitle')}
      description={editing ? t('peerForm.editDescription', { iface: peer.interface }) : t('peerForm.addDescription')}
      onClose={onClose}
      size="lg"
      data-testid="peer-form"
      formId="peer-form"
      formRef={formRef}
      onSubmit={() => void submit()}
      submitLabel={flow.skip ? (editing ? t('peerForm.save') : t('peerForm.add')) : t('changes.preview.action')}
      saving={saving}
      cancelTestId="peer-form-cancel"
      submitTestId="peer-form-submit"
    >
      {noKey ? (
        <Banner
          tone="info"
          compact
          title={peer.keyCustody === 'shown-once' ? t('peers.keyShownOnce') : t('peers.noKey')}
          actions={
            onRotate ? (
              <Button size="sm" icon={<RotateCw size={14} aria-hidden />} onClick={() => onRotate(peer)} data-testid="peer-form-rotate">
                {t('peers.rotate')}
              </Button>
            ) : null
          }
          data-testid="peer-no-key"
        >
          {t('peers.noKeyBody')}
        </Banner>
      ) : null}

      <div className="form-row">
        {editing ? (
          <Field id="peer-interface" label={t('peerForm.interface')}>
            <input id="peer-interface" className="input" value={peer.interface} readOnly disabled />
          </Field>
        ) : (
          <Field id="peer-interface" label={t('peerForm.interface')} error={fieldError('interface')}>
            <select
              {...fieldAria('peer-interface', fieldError('interface'))}
              className="select"
              value={ifaceName}
              onChange={(e) => setValues((v) => ({ ...v, iface: e.target.value, addressEdited: false, address: '' }))}
              data-testid="peer-interface"
            >
              {interfaces.map((i) => (
                <option key={i.id} value={i.name}>
                  {i.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id="peer-name" label={t('peerForm.name')} error={fieldError('name')} hint={hasNames ? t('peerForm.nameHint') : t('peerForm.nameAsComment', { version: routerVersion ?? '' })}>
          <input
            {...fieldAria('peer-name', fieldError('name'), true)}
            className="input"
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            placeholder={t('peerForm.namePlaceholder')}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            data-testid="peer-name"
          />
        </Field>
      </div>

      <div className="form-row">
        <Field
          id="peer-address"
          label={t('peerForm.address')}
          error={addressError}
          hint={editing ? t('peerForm.addressEditHint') : values.addressEdited ? t('peerForm.addressOwnHint') : t('peerForm.addressNextHint')}
        >
          <input
            {...fieldAria('peer-address', addressError, true)}
            className="input mono"
            value={addressValue}
            onChange={(e) => setValues((v) => ({ ...v, address: e.target.value, addressEdited: true }))}
            placeholder={precheck.state === 'loading' ? t('peerForm.addressLoading') : '10.10.0.5/32'}
            spellCheck={false}
            autoComplete="off"
            data-testid="peer-address"
          />
        </Field>
        <Field
          id="peer-dns"
          label={t('peerForm.dns')}
          error={fieldError('client.dns')}
          hint={peer && peer.client === null ? t('peerForm.dnsOldRouter') : dnsFollows && usualDns ? t('peerForm.dnsUsualHint', { iface: ifaceName }) : t('peerForm.dnsHint')}
        >
          <input
            {...fieldAria('peer-dns', fieldError('client.dns'), true)}
            className="input mono"
            value={dnsValue}
            onChange={(e) => {
              set('dns', e.target.value);
              set('dnsEdited', true);
            }}
            placeholder="1.1.1.1, 9.9.9.9"
            spellCheck={false}
            autoComplete="off"
            data-testid="peer-dns"
          />
        </Field>
      </div>
      {!editing ? <PoolLine precheck={precheck} edited={values.addressEdited} onUseNext={() => setValues((v) => ({ ...v, addressEdited: false, address: '' }))} locale={locale} /> : null}
      {!editing && ifaceName && !values.ownKey ? (
        <div className="dial-line" data-testid="peer-form-endpoint">
          <Globe size={15} aria-hidden className={endpoint ? 'muted' : 'warn-text'} />
          {endpoint ? (
            <span>{t('peerForm.clientsDial', { endpoint: endpointText(endpoint), iface: ifaceName })}</span>
          ) : endpoint === null ? (
            <span className="warn-text">{t('peerForm.noEndpoint', { iface: ifaceName })}</span>
          ) : (
            <span className="muted">…</span>
          )}
          {!endpointOpen ? (
            <Button size="sm" variant="ghost" icon={<Pencil size={13} aria-hidden />} onClick={() => setEndpointOpen(true)} data-testid="peer-form-set-endpoint">
              {endpoint ? t('peerForm.changeEndpoint') : t('peerForm.setEndpoint')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {!editing && endpointOpen ? (
        <EndpointEditor
          routerId={routerId}
          iface={ifaceName}
          listenPort={iface?.listenPort ?? null}
          current={endpoint}
          idPrefix="peer-form-endpoint"
          onSaved={() => setEndpointOpen(false)}
          onCancel={() => setEndpointOpen(false)}
        />
      ) : null}

      {precheck.state === 'ok' ? (
        <WarningList
          warnings={precheck.value.warnings}
          actions={iface ? {
            ...(iface.firewall.state === 'closed' ? {
              FIREWALL_CLOSED: (
                <Button size="sm" onClick={() => setOpeningPort(true)} data-testid="precheck-open-port">
                  {t('interfaces.openPort')}
                </Button>
              ),
            } : {}),
            ...(!iface.dynamic ? {
              NO_ADDRESS: (
                <Button size="sm" onClick={() => setAddingAddress(true)} data-testid="precheck-add-address">
                  {t('interfaces.addAddress')}
                </Button>
              ),
            } : {}),
          } : undefined}
          data-testid="precheck-warnings"
        />
      ) : null}
      {!editing && clientRoutes ? (
        <p className="muted small" data-testid="peer-form-client-routes">
          {t('peerForm.clientRoutes', { iface: ifaceName, routes: clientRoutes.join(', ') })}
        </p>
      ) : null}
      {addingAddress && iface ? (
        <AddAddressDialog
          routerId={routerId}
          row={iface}
          onClose={() => setAddingAddress(false)}
          onDone={() => {
            setAddingAddress(false);
            setChecks((n) => n + 1);
          }}
        />
      ) : null}
      {openingPort && iface ? (
        <OpenPortDialog
          routerId={routerId}
          row={iface}
          onClose={() => setOpeningPort(false)}
          onDone={() => {
            setOpeningPort(false);
            setChecks((n) => n + 1);
          }}
        />
      ) : null}
      {precheck.state === 'error' ? (
        <p className="inline-warning" data-testid="precheck-error">
          <TriangleAlert size={14} aria-hidden />
          <span>{t('peerForm.precheckFailed', { message: precheck.error.message })}</span>
        </p>
      ) : null}


      <div className="form-row">
        <Field id="peer-keepalive" label={t('peerForm.keepalive')} error={fieldError('persistentKeepaliveSec')} hint={t('peerForm.keepaliveHint')}>
          <div className="number-with-unit">
            <input
              {...fieldAria('peer-keepalive', fieldError('persistentKeepaliveSec'), true)}
              className="input num"
              value={values.keepalive}
              inputMode="numeric"
              onChange={(e) => set('keepalive', e.target.value)}
              autoComplete="off"
              data-testid="peer-keepalive"
            />
            <span className="unit">{t('units.secondsShort')}</span>
          </div>
        </Field>
        {hasNames ? (
          <Field id="peer-comment" label={t('peerForm.comment')} error={fieldError('comment')}>
            <input
              {...fieldAria('peer-comment', fieldError('comment'))}
              className="input"
              value={values.comment}
              onChange={(e) => set('comment', e.target.value)}
              placeholder={t('peerForm.commentPlaceholder')}
              autoComplete="off"
              data-testid="peer-comment"
            />
          </Field>
        ) : (
          <span />
        )}
      </div>

      {editing ? (
        <div className="field">
          <span className="field-label" id="peer-psk-label">
            {t('peerForm.psk')}
          </span>
          <Segmented
            name="peer-psk"
            aria-labelledby="peer-psk-label"
            value={values.pskAction}
            onChange={(v) => set('pskAction', v)}
            options={[
              { value: 'keep', label: t('peerForm.pskKeep'), testId: 'psk-keep' },
              { value: 'generate', label: t('peerForm.pskGenerate'), testId: 'psk-generate' },
              { value: 'remove', label: t('peerForm.pskRemove'), testId: 'psk-remove' },
            ]}
          />
          <div className="field-hint">{values.pskAction === 'generate' ? t('peerForm.pskGenerateHint') : values.pskAction === 'remove' ? t('peerForm.pskRemoveHint') : t('peerForm.pskKeepHint')}</div>
        </div>
      ) : (
        <fieldset className="choice-group" disabled={values.ownKey}>
          <legend className="field-label">
            <KeyRound size={14} aria-hidden /> {t('peerForm.custody')}
          </legend>
          <div className="choice-list">
            {custodyOptions.map((o) => (
              <label key={o.value} className={`choice${values.custody === o.value ? ' selected' : ''}`} data-testid={`custody-${o.value}`}>
                <input type="radio" name={custodyName} value={o.value} checked={values.custody === o.value} onChange={() => set('custody', o.value)} />
                <span className="choice-text">
                  <span className="choice-title">{o.title}</span>
                  <span className="choice-body">{o.body}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {!editing ? (
        <div className="stack">
          <label className="checkbox">
            <input type="checkbox" checked={values.ownKey} onChange={(e) => set('ownKey', e.target.checked)} data-testid="peer-own-key" />
            <span>{t('peerForm.ownKey')}</span>
          </label>
          {values.ownKey ? (
            <Field id="peer-public-key" label={t('peerForm.publicKey')} error={fieldError('publicKey')} hint={t('peerForm.publicKeyHint')}>
              <input
                {...fieldAria('peer-public-key', fieldError('publicKey'), true)}
                className="input mono"
                value={values.publicKey}
                onChange={(e) => set('publicKey', e.target.value)}
                placeholder="xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg="
                spellCheck={false}
                autoComplete="off"
                data-testid="peer-public-key"
              />
            </Field>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={values.presharedKey} onChange={(e) => set('presharedKey', e.target.checked)} data-testid="peer-psk" />
            <span>
              {t('peerForm.pskAdd')} <span className="muted small">{t('peerForm.pskAddHint')}</span>
            </span>
          </label>
        </div>
      ) : null}

      <details className="more-settings" open={Boolean(original.endpoint) || undefined}>
        <summary>{t('peerForm.siteToSite')}</summary>
        <Field id="peer-endpoint" label={t('peerForm.endpoint')} error={fieldError('endpoint')} hint={t('peerForm.endpointHint')}>
          <input
            {...fieldAria('peer-endpoint', fieldError('endpoint'), true)}
            className="input mono"
            value={values.endpoint}
            onChange={(e) => set('endpoint', e.target.value)}
            placeholder="branch.example.com:13231"
            spellCheck={false}
            autoComplete="off"
            data-testid="peer-endpoint"
          />
        </Field>
      </details>

      {error && !(serverField && SHOWN_BESIDE_FIELD.includes(serverField as PeerField)) ? (
        <ActionErrorPanel error={error} failedTitle={editing ? t('peerForm.saveFailed') : t('peerForm.addFailed')} data-testid="peer-form-error" />
      ) : null}
    </FormDialog>
  );
}

function PoolLine({ precheck, edited, onUseNext, locale }: { precheck: PrecheckState; edited: boolean; onUseNext: () => void; locale: string }) {
  const { t } = useTranslation();
  if (precheck.state !== 'ok') return null;
  const { pools, nextAddress } = precheck.value;
  if (pools.length === 0 && !edited) return null;
  return (
    <div className="pool-line" data-testid="pool-usage">
      {pools.map((pool) => {
        const percent = pool.usable > 0 ? Math.round((pool.used / pool.usable) * 100) : 100;
        const tone = pool.free === 0 ? 'danger' : percent >= 90 ? 'warn' : 'ok';
        return (
          <span key={pool.subnet} className="pool">
            <span className={`meter small-meter tone-${tone}`} aria-hidden>
              <span className="meter-fill" style={{ width: `${percent}%` }} />
            </span>
            <span>
              {t('peerForm.poolUsage', { used: formatCount(pool.used, locale), usable: formatCount(pool.usable, locale), subnet: pool.subnet, free: formatCount(pool.free, locale) })}
            </span>
          </span>
        );
      })}
      {edited && nextAddress ? (
        <Button size="sm" variant="ghost" onClick={onUseNext} data-testid="peer-use-next">
          {t('peerForm.useNext', { address: nextAddress.join(', ') })}
        </Button>
      ) : null}
    </div>
  );
}
