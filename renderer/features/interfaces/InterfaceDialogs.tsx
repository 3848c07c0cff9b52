// Create and edit a WireGuard interface; after creating one, what the router checks found (no address,
// firewall closed) and the next step a technician needs: where clients dial. Delete names everything that
// goes with the interface and asks for its name to be typed. Every one of these, and enable/disable, goes
// through the Preview step (the exact commands, the before/after, the warnings, the router's own rollback)
// before anything is sent; Apply sends that plan, refused as stale when the router changed since. A change
// that may cut a connection to the router (disabling the interface WireDesk or a peer is connected through)
// says so above the plan, with the rollback that puts it back.
import { useEffect, useRef, useState } from 'react';
import { CircleCheck, ShieldCheck, Trash2, UserPlus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { InvokeInput, InvokeOutput, PlanView, WgInterface } from '../../../src/contract/index.ts';
import type { Translate } from '../../lib/format.ts';
import { splitTunnelAllowedIps } from '../../../src/domain/client-config.ts';
import { defaultLans } from '../configs/config-options.ts';
import { invoke } from '../../lib/api.ts';
import { errorField, toActionError, type ActionError } from '../../lib/action-error.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog, FormDialog } from '../../ui/Dialog.tsx';
import { Field, fieldAria } from '../../ui/Field.tsx';
import { LoadingState } from '../../ui/ReadErrorState.tsx';
import { WarningList } from '../../ui/WarningList.tsx';
import { FixPreviewDialog } from '../changes/FixPreviewDialog.tsx';
import { ChangePreviewDialog } from '../changes/PlanPreview.tsx';
import { EndpointEditor } from './EndpointEditor.tsx';
import { useFetchedPlanFlow, usePreviewOnOpen } from '../changes/use-plan-flow.ts';
import { endpointText } from '../configs/config-options.ts';
import { useLoadedEndpoint } from './endpoint-store.ts';
import { useLoadedRoutes } from './client-routes-store.ts';
import { ClientRoutesEditor } from './ClientRoutesEditor.tsx';
import { blockingRuleName, emptyInterfaceForm, INTERFACE_FIELDS, interfaceFormFrom, toCreateInterface, toUpdateInterface, type InterfaceErrors, type InterfaceField, type InterfaceFormValues } from './interface-form.ts';
import { useNav } from '../../app/nav-store.ts';
import { useAddPeerIntent } from '../peers/add-intent.ts';
import { SitesDialog } from '../sites/SitesDialog.tsx';

type InterfaceResult = InvokeOutput<'interfaces:create'>;
type Requested = { kind: 'create'; input: InvokeInput<'interfaces:create'> } | { kind: 'update'; input: InvokeInput<'interfaces:update'> };

/** Above the plan when it may cut a connection to the router: what happens then, in the technician's words. */
export function LinkRiskNote({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  if (!plan.warnings.some((w) => w.code === 'MAY_CUT_LINK')) return null;
  return (
    <Banner tone="danger" title={t('changes.interfacePreview.linkRiskTitle')} data-testid="preview-link-risk">
      <p>{t('changes.interfacePreview.linkRiskBody', { seconds: plan.rollback.delaySec })}</p>
    </Banner>
  );
}

export interface InterfaceDialogProps {
  routerId: string;
  /** The interface being edited; undefined to create one. */
  row?: WgInterface;
  /**
   * The set-up wizard: the form starts from main's proposal (a free name and port, a subnet that overlaps
   * nothing), the plan lets the port in where the firewall would drop it, and the last step offers the first peer.
   */
  setup?: boolean;
  onClose: () => void;
  onChanged: () => void;
}

type Proposal = InvokeOutput<'setup:propose'>;

type Access = 'full' | 'split';

/** What a full tunnel needs from NAT, for the proposed subnet (another one is checked when the preview is made). */
function natLine(t: Translate, proposal: Proposal, proposedAddress: boolean, access: Access): string {
  if (access === 'split') return t('setup.natSplit');
  if (!proposedAddress) return t('setup.natOther');
  const { nat } = proposal;
  if (nat.state === 'covered') return t('setup.natCovered', { rule: nat.rule ?? '' });
  if (nat.state === 'unknown') return t('setup.natUnknown');
  return nat.canAdd ? t('setup.natAdd') : t('setup.natCannot');
}

/** The wizard's checklist: what it proposes and what the plan will do about the firewall. */
function SetupChecklist({ proposal, port }: { proposal: Proposal | null; port: string }) {
  const { t } = useTranslation();
  if (!proposal) return <p className="muted small">{t('setup.proposing')}</p>;
  const proposed = String(proposal.listenPort) === port.trim();
  const rule = blockingRuleName(t, proposal.firewall);
  const firewall = !proposed
    ? t('setup.firewallOther')
    : proposal.firewall.state === 'closed' ? t('setup.firewallClosed', { port, rule }) : proposal.firewall.state === 'open' ? t('setup.firewallOpen', { port }) : t('setup.firewallUnknown', { port });
  return (
    <ul className="setup-checklist" data-testid="setup-checklist">
      <li>{t('setup.proposed')}</li>
      <li data-testid="setup-firewall" data-state={proposed ? proposal.firewall.state : 'changed'}>{firewall}</li>
      <li>{t('setup.keepalive')}</li>
    </ul>
  );
}

export function InterfaceDialog({ routerId, row, setup = false, onClose, onChanged }: InterfaceDialogProps) {
  const { t } = useTranslation();
  const editing = row !== undefined;
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [ddns, setDdns] = useState(false);
  // Full tunnel (WireDesk's default for client configs) needs the router to masquerade the subnet to the internet.
  const [access, setAccess] = useState<Access>('full');
  // The split tunnel's networks (null: the router's private ones, as the config dialog starts with).
  const [chosenLans, setChosenLans] = useState<string[] | null>(null);
  // IPv6 alongside IPv4, when asked: the proposal's unique local /64.
  const [ipv6, setIpv6] = useState(false);
  // Site-to-site instead: the wizard hands over to Connect sites (both routers' plans in one preview).
  const [sites, setSites] = useState(false);
  const [original] = useState<InterfaceFormValues>(() => (row ? interfaceFormFrom(row) : emptyInterfaceForm()));
  const [values, setValues] = useState(original);
  const [localErrors, setLocalErrors] = useState<InterfaceErrors>({});
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<InterfaceResult | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const flow = useFetchedPlanFlow();
  const requested = useRef<Requested | null>(null);

  // The wizard's proposal fills the fields the technician has not typed in yet.
  useEffect(() => {
    if (!setup) return;
    let cancelled = false;
    invoke('setup:propose', { routerId }).then(
      (value) => {
        if (cancelled) return;
        setProposal(value);
        setValues((v) => ({
          ...v,
          name: v.name || value.name,
          listenPort: v.listenPort || String(value.listenPort),
          address: v.address || (value.address ?? ''),
        }));
      },
      (e: unknown) => !cancelled && setError(toActionError(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [setup, routerId]);

  // The proposal's NAT verdict is for its own subnet; another one typed in is checked when the preview is made.
  const proposedAddress = proposal !== null && values.address.trim() === (proposal.address ?? '');
  const serverField = errorField(error);
  // A refusal of a wizard choice (masquerade, clientRoutes) has no field of its own here: it goes in the panel.
  const besideField = INTERFACE_FIELDS.some((f) => f === serverField);
  const fieldError = (field: InterfaceField): string | null => localErrors[field] ?? (serverField === field && error ? error.message : null);
  const set = (field: InterfaceField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setLocalErrors({});
    setError(null);
  };

  /** The wizard's extras: the port let in, DDNS, the IPv6 address, and the tunnel chosen (masquerade, or the split routes main remembers). */
  const wizardInput = (input: InvokeInput<'interfaces:create'>, masquerade: boolean, cloudName: boolean): InvokeInput<'interfaces:create'> => {
    const address6 = ipv6 && proposal ? proposal.address6 : undefined;
    const routes = access === 'split' ? splitRoutes([input.address, address6], chosenLans ?? defaultLans(proposal?.lans ?? [])) : null;
    return { ...input, openPort: true, ddns: cloudName, masquerade, ...(address6 ? { address6 } : {}), ...(routes ? { clientRoutes: routes } : {}) };
  };

  const submit = async () => {
    setError(null);
    const update = editing ? toUpdateInterface(routerId, row, original, values) : null;
    const create = editing ? null : toCreateInterface(routerId, values);
    if (editing && update === null) {
      onClose();
      return;
    }
    const invalid = (update && !update.ok ? update.errors : null) ?? (create && !create.ok ? create.errors : null);
    if (invalid) {
      setLocalErrors(invalid);
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    // The masquerade is asked for only where one is missing and can be placed (main checks again on the subnet sent).
    const masquerade = setup && access === 'full' && (!proposedAddress || proposal?.nat.canAdd === true);
    // With DDNS on already, the plan changes nothing in IP Cloud and clients dial its name (as the checklist says).
    const cloudName = ddns || proposal?.cloud?.ddnsEnabled === true;
    const next: Requested | null = update?.ok ? { kind: 'update', input: update.input } : create?.ok ? { kind: 'create', input: setup ? wizardInput(create.input, masquerade, cloudName) : create.input } : null;
    if (!next) return;
    setSaving(true);
    const outcome = next.kind === 'update' ? await flow.preview({ kind: 'interface.update', input: next.input }) : await flow.preview({ kind: 'interface.create', input: next.input });
    setSaving(false);
    if (outcome.ok) requested.current = next;
    else setError(outcome.error);
  };

  const apply = async () => {
    const next = requested.current;
    if (!next) return;
    const result = next.kind === 'update'
      ? await flow.apply((planId) => invoke('interfaces:update', { ...next.input, planId }))
      : await flow.apply((planId) => invoke('interfaces:create', { ...next.input, planId }));
    if (!result) return;
    onChanged();
    if (!editing || result.warnings.length > 0) setCreated(result);
    else onClose();
  };

  if (created) return <CreatedStep routerId={routerId} result={created} editing={editing} onClose={onClose} firstPeer={setup} />;
  if (flow.plan) {
    const name = values.name.trim() || row?.name || '';
    return (
      <ChangePreviewDialog
        title={editing ? t('changes.interfacePreview.titleEdit', { name: row.name }) : t('changes.interfacePreview.titleCreate', { name })}
        flow={flow}
        onBack={flow.back}
        onClose={onClose}
        onApply={() => void apply()}
        applyLabel={editing ? t('ifaceForm.save') : t('ifaceForm.add')}
        failedTitle={editing ? t('ifaceForm.saveFailed') : t('ifaceForm.addFailed')}
        intro={<LinkRiskNote plan={flow.plan} />}
      />
    );
  }

  return (
    <FormDialog
      title={editing ? t('ifaceForm.editTitle', { name: row.name }) : setup ? t('setup.title') : t('ifaceForm.addTitle')}
      description={editing ? t('ifaceForm.editDescription') : setup ? t('setup.description') : t('ifaceForm.addDescription')}
      onClose={onClose}
      size="md"
      data-testid="interface-form"
      formId="interface-form"
      formRef={formRef}
      onSubmit={() => void submit()}
      submitLabel={t('changes.preview.action')}
      saving={saving}
      cancelTestId="interface-form-cancel"
      submitTestId="interface-form-submit"
    >
      {setup ? <SetupChecklist proposal={proposal} port={values.listenPort} /> : null}
      {setup ? (
        <p className="muted small" data-testid="setup-sites">
          {t('setup.sitesInstead')}{' '}
          <button type="button" className="link-btn" onClick={() => setSites(true)} data-testid="setup-open-sites">
            {t('sitesView.open')}
          </button>
        </p>
      ) : null}
      {sites ? <SitesDialog routerId={routerId} onClose={() => setSites(false)} /> : null}
      {setup && proposal?.cloud ? (
        proposal.cloud.ddnsEnabled === true ? (
          <p className="muted small" data-testid="setup-ddns-on">{t('setup.ddnsOn', { name: proposal.cloud.dnsName ?? '' })}</p>
        ) : (
          <label className="checkbox setup-ddns" data-testid="setup-ddns">
            <input type="checkbox" checked={ddns} onChange={(e) => setDdns(e.target.checked)} data-testid="setup-ddns-input" />
            <span>
              {t('setup.ddns')}
              <span className="muted small setup-ddns-help">{t('setup.ddnsHelp')}</span>
            </span>
          </label>
        )
      ) : null}
      {setup && proposal ? (
        <label className="checkbox setup-ddns" data-testid="setup-ipv6">
          <input type="checkbox" checked={ipv6} onChange={(e) => setIpv6(e.target.checked)} data-testid="setup-ipv6-input" />
          <span>
            {t('setup.ipv6', { address: proposal.address6 })}
            <span className="muted small setup-ddns-help">{t('setup.ipv6Help')}</span>
          </span>
        </label>
      ) : null}
      {setup && proposal ? (
        <fieldset className="choice-group" data-testid="setup-access">
          <legend className="field-label">{t('setup.accessTitle')}</legend>
          <div className="choice-list">
            {(['full', 'split'] as const).map((value) => (
              <label key={value} className={`choice${access === value ? ' selected' : ''}`}>
                <input type="radio" name="setup-access" value={value} checked={access === value} onChange={() => setAccess(value)} data-testid={`setup-access-${value}`} />
                <span className="choice-text">
                  <span className="choice-title">{t(value === 'full' ? 'setup.accessFull' : 'setup.accessSplit')}</span>
                  <span className="choice-body">{t(value === 'full' ? 'setup.accessFullBody' : 'setup.accessSplitBody')}</span>
                </span>
              </label>
            ))}
          </div>
          {access === 'split' && proposal.lans.length > 0 ? (
            <div className="setup-lans" data-testid="setup-lans">
              {proposal.lans.map((lan) => {
                const picked = chosenLans ?? defaultLans(proposal.lans);
                return (
                  <label key={lan.network} className="checkbox">
                    <input
                      type="checkbox"
                      checked={picked.includes(lan.network)}
                      onChange={(e) => setChosenLans(e.target.checked ? [...picked, lan.network] : picked.filter((n) => n !== lan.network))}
                      data-testid={`setup-lan-${lan.network}`}
                    />
                    <span>
                      <span className="mono">{lan.network}</span> <span className="muted small">{lan.comment ? `${lan.interface} · ${lan.comment}` : lan.interface}</span>
                    </span>
                  </label>
                );
              })}
            </div>
          ) : null}
          <p className="muted small" data-testid="setup-nat" data-state={access === 'full' ? proposal.nat.state : 'split'}>
            {natLine(t, proposal, proposedAddress, access)}
          </p>
        </fieldset>
      ) : null}
      <Field id="iface-name" label={t('ifaceForm.name')} error={fieldError('name')} hint={t('ifaceForm.nameHint')}>
        <input
          {...fieldAria('iface-name', fieldError('name'), true)}
          className="input"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          placeholder="wg-clients"
          spellCheck={false}
          autoComplete="off"
          data-autofocus
          data-testid="iface-name"
        />
      </Field>
      <div className="form-row">
        <Field id="iface-port" label={t('ifaceForm.listenPort')} error={fieldError('listenPort')} hint={editing ? t('ifaceForm.portEditHint') : t('ifaceForm.portHint')}>
          <input
            {...fieldAria('iface-port', fieldError('listenPort'), true)}
            className="input num"
            value={values.listenPort}
            inputMode="numeric"
            onChange={(e) => set('listenPort', e.target.value)}
            placeholder="13231"
            autoComplete="off"
            data-testid="iface-port"
          />
        </Field>
        <Field id="iface-mtu" label={t('ifaceForm.mtu')} error={fieldError('mtu')} hint={t('ifaceForm.mtuHint')}>
          <input
            {...fieldAria('iface-mtu', fieldError('mtu'), true)}
            className="input num"
            value={values.mtu}
            inputMode="numeric"
            onChange={(e) => set('mtu', e.target.value)}
            placeholder="1420"
            autoComplete="off"
            data-testid="iface-mtu"
          />
        </Field>
      </div>
      {!editing ? (
        <Field id="iface-address" label={t('ifaceForm.address')} error={fieldError('address')} hint={t('ifaceForm.addressHint')}>
          <input
            {...fieldAria('iface-address', fieldError('address'), true)}
            className="input mono"
            value={values.address}
            onChange={(e) => set('address', e.target.value)}
            placeholder="10.20.0.1/24"
            spellCheck={false}
            autoComplete="off"
            data-testid="iface-address"
          />
        </Field>
      ) : null}
      <Field id="iface-comment" label={t('ifaceForm.comment')} error={fieldError('comment')}>
        <input {...fieldAria('iface-comment', fieldError('comment'))} className="input" value={values.comment} onChange={(e) => set('comment', e.target.value)} autoComplete="off" data-testid="iface-comment" />
      </Field>
      {error && !besideField ? <ActionErrorPanel error={error} failedTitle={editing ? t('ifaceForm.saveFailed') : t('ifaceForm.addFailed')} data-testid="interface-form-error" /> : null}
    </FormDialog>
  );
}

/**
 * A split tunnel's AllowedIPs, remembered for every client config of the new interface: its subnets (IPv4, and
 * IPv6 when asked for) and the chosen networks. Without an address only the networks; null when nothing is left.
 */
function splitRoutes(addresses: ReadonlyArray<string | undefined>, lans: readonly string[]): string[] | null {
  const [first, ...more] = addresses.filter((a): a is string => Boolean(a));
  if (!first) return lans.length > 0 ? [...lans] : null;
  const routes = splitTunnelAllowedIps(first, [...more, ...lans]);
  return routes.ok ? routes.value : null;
}

function CreatedStep({ routerId, result, editing, onClose, firstPeer = false }: { routerId: string; result: InterfaceResult; editing: boolean; onClose: () => void; firstPeer?: boolean }) {
  const { t } = useTranslation();
  const setTab = useNav((s) => s.setTab);
  const askAddPeer = useAddPeerIntent((s) => s.request);
  const iface = result.interface;
  const endpoint = useLoadedEndpoint(routerId, iface.name);
  const [endpointSaved, setEndpointSaved] = useState(false);
  // The closed port's fix, right here: its Preview step takes this dialog's place.
  const [openingPort, setOpeningPort] = useState(false);
  const [portOpened, setPortOpened] = useState(false);
  const portClosed = iface.firewall.state === 'closed' && !portOpened;
  if (openingPort) {
    return (
      <OpenPortDialog
        routerId={routerId}
        row={iface}
        onClose={() => setOpeningPort(false)}
        onDone={() => {
          setOpeningPort(false);
          setPortOpened(true);
        }}
      />
    );
  }
  return (
    <Dialog
      title={editing ? t('ifaceForm.savedTitle', { name: iface.name }) : t('ifaceForm.createdTitle', { name: iface.name })}
      onClose={onClose}
      size="md"
      data-testid="interface-created"
      footer={
        <>
          <span className="spacer" />
          <Button variant={firstPeer ? 'secondary' : 'primary'} onClick={onClose} data-testid="interface-created-close">
            {t('common.close')}
          </Button>
          {firstPeer ? (
            <Button
              variant="primary"
              icon={<UserPlus size={15} aria-hidden />}
              onClick={() => {
                askAddPeer(routerId, iface.name);
                onClose();
                setTab('peers');
              }}
              data-testid="setup-first-peer"
            >
              {t('setup.firstPeer')}
            </Button>
          ) : null}
        </>
      }
    >
      <div className="stack">
        {!editing ? (
          <p className="custody-note ok-text">
            <CircleCheck size={15} aria-hidden />
            <span>{t('ifaceForm.createdBody', { name: iface.name, port: iface.listenPort, addresses: iface.addresses.join(', ') || t('interfaces.noAddress') })}</span>
          </p>
        ) : null}
        <WarningList warnings={portOpened ? result.warnings.filter((w) => w.code !== 'FIREWALL_CLOSED') : result.warnings} />
        {portClosed ? (
          <div>
            <Button size="sm" icon={<ShieldCheck size={14} aria-hidden />} onClick={() => setOpeningPort(true)} data-testid="created-open-port">
              {t('interfaces.openPort')}
            </Button>
          </div>
        ) : null}
        {portOpened ? <Banner tone="ok" compact title={t('interfaces.portOpened', { port: iface.listenPort })} data-testid="created-port-opened" /> : null}
        {!editing ? (
          <section className="subsection">
            <h3 className="subsection-title">{t('ifaceForm.nextEndpoint')}</h3>
            <p className="muted small">{t('ifaceForm.nextEndpointBody')}</p>
            {endpointSaved && endpoint ? (
              <Banner tone="ok" compact title={t('endpoint.savedAs', { endpoint: endpointText(endpoint) })} data-testid="endpoint-saved" />
            ) : endpoint !== undefined ? (
              // Keyed by what is remembered: the wizard's DDNS name arrives after a first (empty) answer.
              <EndpointEditor key={endpoint ? `${endpoint.host}:${endpoint.port}` : 'none'} routerId={routerId} iface={iface.name} listenPort={iface.listenPort} current={endpoint} idPrefix="created-endpoint" onSaved={() => setEndpointSaved(true)} />
            ) : null}
          </section>
        ) : null}
      </div>
    </Dialog>
  );
}

/** Enable or disable an interface: the Preview step at once, Cancel or Apply. */
export function ToggleInterfaceDialog({ routerId, row, disabled, onClose, onDone }: { routerId: string; row: WgInterface; disabled: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const flow = useFetchedPlanFlow();
  const previewError = usePreviewOnOpen(flow.preview, { kind: 'interface.setDisabled', input: { routerId, interfaceId: row.id, disabled } });

  const apply = async () => {
    const result = await flow.apply((planId) => invoke('interfaces:setDisabled', { routerId, interfaceId: row.id, disabled, planId }));
    if (result) onDone();
  };

  const risky = flow.plan?.warnings.some((w) => w.code === 'MAY_CUT_LINK') ?? false;
  return (
    <ChangePreviewDialog
      title={disabled ? t('changes.interfacePreview.titleDisable', { name: row.name }) : t('changes.interfacePreview.titleEnable', { name: row.name })}
      flow={flow}
      onBack={onClose}
      backIsCancel
      onClose={onClose}
      onApply={() => void apply()}
      applyLabel={disabled ? t('interfaces.disable') : t('interfaces.enable')}
      danger={risky}
      failedTitle={t('interfaces.changeFailed')}
      previewError={previewError}
      intro={flow.plan ? <LinkRiskNote plan={flow.plan} /> : null}
    />
  );
}

/** The fix for a port the firewall drops: an accept rule just above the rule that drops it. */
export function OpenPortDialog({ routerId, row, onClose, onDone }: { routerId: string; row: WgInterface; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const rule = blockingRuleName(t, row.firewall);
  return (
    <FixPreviewDialog
      fix={{ kind: 'interface.openPort', input: { routerId, interfaceId: row.id } }}
      title={t('changes.interfacePreview.titleOpenPort', { name: row.name, port: row.listenPort })}
      applyLabel={t('interfaces.openPortApply')}
      intro={<p data-testid="open-port-intro">{t('interfaces.openPortIntro', { rule, port: row.listenPort, name: row.name })}</p>}
      onClose={onClose}
      onDone={onDone}
    />
  );
}

/** The fix for an interface without an IP address: the address main proposes. */
export function AddAddressDialog({ routerId, row, onClose, onDone }: { routerId: string; row: WgInterface; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <FixPreviewDialog
      fix={{ kind: 'interface.addAddress', input: { routerId, interfaceId: row.id } }}
      title={t('interfaces.addAddressTitle', { name: row.name })}
      applyLabel={t('interfaces.addAddressApply')}
      intro={<p data-testid="add-address-intro">{t('interfaces.addAddressIntro', { name: row.name })}</p>}
      onClose={onClose}
      onDone={onDone}
    />
  );
}

/** Names what goes with the interface and wants its name typed; then the Preview step of the plan that came with it. */
export function DeleteInterfaceDialog({ routerId, row, onClose, onDeleted }: { routerId: string; row: WgInterface; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<InvokeOutput<'interfaces:deletePreview'> | null>(null);
  const [loadError, setLoadError] = useState<ActionError | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<ActionError | null>(null);
  const flow = useFetchedPlanFlow();

  useEffect(() => {
    let cancelled = false;
    invoke('interfaces:deletePreview', { routerId, interfaceId: row.id }).then(
      (value) => !cancelled && setPreview(value),
      (e: unknown) => !cancelled && setLoadError(toActionError(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [routerId, row.id]);

  const matches = preview !== null && typed === preview.confirmName;
  const toPreview = async () => {
    if (!preview || !matches) return;
    setError(null);
    // The plan fetched with the dialog is shown first; "Preview again" (after a stale refusal) fetches a new one.
    let first: PlanView | null = preview.plan;
    const outcome = await flow.load(async () => {
      if (first) {
        const plan = first;
        first = null;
        return plan;
      }
      const next = await invoke('interfaces:deletePreview', { routerId, interfaceId: row.id });
      setPreview(next);
      return next.plan;
    });
    if (!outcome.ok) setError(outcome.error);
  };

  const apply = async () => {
    const result = await flow.apply((planId) => invoke('interfaces:delete', { routerId, interfaceId: row.id, confirmName: typed, planId }));
    if (result) onDeleted();
  };

  const peerCount = preview?.peers.length ?? 0;
  const deleteLabel = peerCount > 0 ? t('ifaceDelete.confirmWithPeers', { count: peerCount }) : t('ifaceDelete.confirm');
  if (flow.plan && preview) {
    return (
      <ChangePreviewDialog
        title={t('changes.interfacePreview.titleDelete', { name: row.name })}
        flow={flow}
        onBack={flow.back}
        onClose={onClose}
        onApply={() => void apply()}
        applyLabel={deleteLabel}
        danger
        failedTitle={t('ifaceDelete.failed')}
        intro={
          <>
            <LinkRiskNote plan={flow.plan} />
            <p>{t('ifaceDelete.body', { name: preview.confirmName })}</p>
          </>
        }
      />
    );
  }

  return (
    <Dialog
      title={t('ifaceDelete.title', { name: row.name })}
      onClose={onClose}
      size="md"
      data-testid="interface-delete-dialog"
      footer={
        <>
          <span className="spacer" />
          <Button onClick={onClose} data-testid="interface-delete-cancel">
            {t('common.cancel')}
          </Button>
          <Button variant="danger" icon={<Trash2 size={15} aria-hidden />} onClick={() => void toPreview()} busy={flow.busy === 'previewing'} disabled={!matches} data-testid="interface-delete-confirm">
            {t('changes.preview.action')}
          </Button>
        </>
      }
    >
      <div className="stack">
        {loadError ? <ActionErrorPanel error={loadError} failedTitle={t('ifaceDelete.previewFailed')} /> : null}
        {!preview && !loadError ? <LoadingState label={t('ifaceDelete.loading')} /> : null}
        {preview ? (
          <>
            <p>{t('ifaceDelete.body', { name: preview.confirmName })}</p>
            <div className="delete-scope" data-testid="interface-delete-scope">
              <p className="strong">{t('ifaceDelete.peers', { count: preview.peers.length })}</p>
              {preview.peers.length > 0 ? (
                <ul className="name-list" data-testid="interface-delete-peers">
                  {preview.peers.map((p) => (
                    <li key={p.id}>
                      <span className="ellipsis">{p.name}</span>
                      <span className="muted mono small">{p.allowedAddress.join(', ')}</span>
                      {p.hasPrivateKey ? <span className="badge">{t('ifaceDelete.keyKept')}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="strong">{t('ifaceDelete.addresses', { count: preview.addresses.length })}</p>
              {preview.addresses.length > 0 ? (
                <div className="address-list">
                  {preview.addresses.map((a) => (
                    <code key={a}>{a}</code>
                  ))}
                </div>
              ) : null}
            </div>
            <p className="muted small">{t('ifaceDelete.localNote')}</p>
            <Field id="iface-delete-confirm" label={t('ifaceDelete.typeName', { name: preview.confirmName })}>
              <input
                id="iface-delete-confirm"
                className="input mono"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') void toPreview();
                }}
                autoComplete="off"
                spellCheck={false}
                data-testid="interface-delete-name"
              />
            </Field>
          </>
        ) : null}
        {error ? <ActionErrorPanel error={error} failedTitle={t('ifaceDelete.failed')} /> : null}
      </div>
    </Dialog>
  );
}

/** Where clients dial the interface, and what their configs route into the tunnel: the two things its client configs take from WireDesk. */
export function EndpointDialog({ routerId, row, onClose }: { routerId: string; row: WgInterface; onClose: () => void }) {
  const { t } = useTranslation();
  const endpoint = useLoadedEndpoint(routerId, row.name);
  const routes = useLoadedRoutes(routerId, row.name);
  return (
    <Dialog title={t('endpoint.title', { name: row.name })} description={t('endpoint.description')} onClose={onClose} size="md" data-testid="endpoint-dialog">
      {endpoint === undefined || routes === undefined ? (
        <LoadingState label={t('endpoint.loading')} />
      ) : (
        <div className="stack">
          <EndpointEditor routerId={routerId} iface={row.name} listenPort={row.listenPort} current={endpoint} idPrefix="endpoint-dialog" allowClear onSaved={onClose} onCancel={onClose} />
          {/* Keyed by what is remembered: saved or cleared, the field shows it as main keeps it. */}
          <ClientRoutesEditor key={routes?.routes.join(',') ?? 'full'} routerId={routerId} iface={row.name} current={routes} idPrefix="endpoint-dialog" />
        </div>
      )}
    </Dialog>
  );
}
