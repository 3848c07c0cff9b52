// "Connect two sites": a WireGuard link between this router (side A) and another managed, online router
// (side B). The technician picks each side's WireGuard interface, the LANs behind it and where it can be
// dialed; Preview shows, per router, the peer and the routes that would be added, with what blocks the link
// (problems, next to the form) and what to look at (warnings); when nothing blocks it, the Preview step adds
// each router's change plan (the exact commands, the before/after, the router's own rollback). Connect applies
// exactly those two plans (refused as stale when either router changed since), lists every step, and when a
// rollback could not remove something, says exactly what to remove by hand.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ArrowLeft, ArrowLeftRight, CircleCheck, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { InvokeOutput, PlanView, RouterProfile, WgInterface } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { errorField, splitCommand, toActionError, type ActionError } from '../../lib/action-error.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { CopyBlock } from '../../ui/CopyBlock.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field, fieldAria } from '../../ui/Field.tsx';
import { PlanPreview } from '../changes/PlanPreview.tsx';
import { useFetchedPlanFlow, type FetchedPlanFlow } from '../changes/use-plan-flow.ts';
import { useRouters } from '../routers/store.ts';
import { emptySide, removeCommand, toSiteInput, type SideField, type SideKey, type SideValues, type SiteErrors, type SiteInput } from './site-form.ts';
import './sites.css';

type Preview = InvokeOutput<'sites:preview'>;
type SidePreview = Preview['a'];
type ConnectResult = InvokeOutput<'sites:connect'>;
type Step = ConnectResult['steps'][number];

export interface SitesDialogProps {
  /** Side A: the router whose page the dialog was opened from. */
  routerId: string;
  onClose: () => void;
}

export function SitesDialog({ routerId, onClose }: SitesDialogProps) {
  const { t } = useTranslation();
  const profiles = useRouters((s) => s.profiles);
  const statuses = useRouters((s) => s.statuses);
  const routerA = profiles.find((p) => p.id === routerId);
  const candidates = useMemo(() => profiles.filter((p) => p.id !== routerId && statuses[p.id]?.state === 'online'), [profiles, statuses, routerId]);
  const aOnline = statuses[routerId]?.state === 'online';

  const [a, setA] = useState<SideValues>(() => emptySide(routerId));
  const [b, setB] = useState<SideValues>(() => emptySide(candidates.length === 1 ? candidates[0]!.id : ''));
  const [localErrors, setLocalErrors] = useState<SiteErrors>({});
  const [error, setError] = useState<ActionError | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<ConnectResult | null>(null);
  const flow = useFetchedPlanFlow();
  /** The input the plans on screen were made from: Connect sends it with their planId. */
  const requested = useRef<SiteInput | null>(null);
  /** The link's checks as the last fetch saw them (a fetch that found the link blocked returns no plans). */
  const checked = useRef<Preview | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const previewRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (preview && !preview.ready) previewRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [preview]);

  const serverField = errorField(error);
  const fieldError = (side: SideKey, field: SideField): string | null => {
    const key = `${side}.${field}` as const;
    if (localErrors[key]) return localErrors[key];
    const server = field === 'iface' ? `${side}.interface` : key;
    return error && (serverField === server || serverField === key) ? error.message : null;
  };
  const change = (side: SideKey, patch: Partial<SideValues>) => {
    (side === 'a' ? setA : setB)((v) => ({ ...v, ...patch }));
    setLocalErrors({});
    setError(null);
    setPreview(null);
  };

  const build = () => {
    const built = toSiteInput(a, b, {
      chooseRouter: t('sitesView.form.chooseRouter'),
      chooseInterface: t('sitesView.form.chooseInterface'),
      badLans: (entries) => t('sitesView.form.badLans', { entries }),
      badEndpoint: t('sitesView.form.badEndpoint'),
    });
    if (!built.ok) {
      setLocalErrors(built.errors);
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return null;
    }
    return built.input;
  };

  // The link's checks first (what blocks it stays next to the form), then each router's change plan.
  const fetchPlans = (input: SiteInput) => async () => {
    checked.current = null;
    const summary = await invoke('sites:preview', input);
    checked.current = summary;
    setPreview(summary);
    if (!summary.ready) throw new Error(summary.problems.map((p) => p.message).join(' '));
    return invoke('changes:preview', { kind: 'site.link', input });
  };

  const runPreview = async () => {
    setError(null);
    const input = build();
    if (!input) return;
    requested.current = input;
    const outcome = await flow.load(fetchPlans(input));
    if (outcome.ok) return;
    if (checked.current && !checked.current.ready) flow.back();
    else {
      setPreview(null);
      setError(outcome.error);
    }
  };

  const connect = async () => {
    const input = requested.current;
    if (!input) return;
    const done = await flow.apply((planId) => invoke('sites:connect', { ...input, planId }));
    if (done) setResult(done);
  };

  const previewAgain = async () => {
    const outcome = await flow.previewAgain();
    // Blocked now: back to the form, where the problems show.
    if (!outcome.ok && checked.current && !checked.current.ready) flow.back();
  };

  if (result) return <ResultStep result={result} onClose={onClose} />;

  const name = routerA?.name ?? routerId;
  if (flow.plan && preview?.ready) {
    return <PlanStep preview={preview} plan={flow.plan} flow={flow} name={name} onBack={flow.back} onClose={onClose} onConnect={() => void connect()} onPreviewAgain={() => void previewAgain()} />;
  }
  const previewing = flow.busy === 'previewing';
  return (
    <Dialog
      title={t('sitesView.title')}
      description={t('sitesView.description', { name })}
      onClose={onClose}
      size="xl"
      data-testid="sites-dialog"
      footer={
        <>
          {preview && !preview.ready ? <span className="danger-text small">{t('sitesView.blocked', { count: preview.problems.length })}</span> : null}
          <span className="spacer" />
          <Button onClick={onClose} data-testid="sites-cancel">
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" form="sites-form" busy={previewing} data-testid="sites-preview">
            {preview ? t('sitesView.previewAgain') : t('sitesView.preview')}
          </Button>
        </>
      }
    >
      <form
        id="sites-form"
        ref={formRef}
        className="router-form sites-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void runPreview();
        }}
      >
        {!aOnline ? (
          <Banner tone="warn" compact title={t('sitesView.aOffline', { name })} data-testid="sites-a-offline" />
        ) : null}
        {candidates.length === 0 ? (
          <Banner tone="info" compact title={t('sitesView.noOtherRouter')} data-testid="sites-no-router">
            {t('sitesView.noOtherRouterBody')}
          </Banner>
        ) : null}
        <div className="sites-sides">
          <SideFields side="a" values={a} fixedRouter={routerA} candidates={[]} fieldError={fieldError} onChange={(patch) => change('a', patch)} />
          {/* Keyed by router: a new router starts with its own interface list. */}
          <SideFields key={b.routerId || 'none'} side="b" values={b} candidates={candidates} fieldError={fieldError} onChange={(patch) => change('b', patch)} />
        </div>
        {error && !serverField ? <ActionErrorPanel error={error} failedTitle={t('sitesView.previewFailed')} data-testid="sites-error" /> : null}
      </form>
      {preview && !preview.ready ? (
        <section ref={previewRef} className="subsection sites-preview" data-testid="sites-preview-result" data-ready={preview.ready}>
          <LinkSummary preview={preview} />
        </section>
      ) : null}
    </Dialog>
  );
}

/** What blocks the link (or that nothing does), what each router gets, and what to look at. */
function LinkSummary({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="subsection-title">{t('sitesView.previewTitle')}</h3>
      {preview.problems.length > 0 ? (
        <div className="warning-list" data-testid="sites-problems">
          {preview.problems.map((p, i) => (
            <Banner key={`${p.code}-${i}`} tone="danger" compact title={t(`sitesView.problem.${p.code}`, { defaultValue: t('sitesView.blocked', { count: 1 }) })} data-testid={`sites-problem-${p.code}`}>
              <p>{p.message}</p>
            </Banner>
          ))}
        </div>
      ) : (
        <Banner tone="ok" compact title={t('sitesView.ready')} data-testid="sites-ready" />
      )}
      <div className="sites-sides">
        <SidePreviewCard side="a" preview={preview.a} />
        <SidePreviewCard side="b" preview={preview.b} />
      </div>
      <SiteWarnings warnings={preview.warnings} />
    </>
  );
}

interface PlanStepProps {
  preview: Preview;
  plan: PlanView;
  flow: FetchedPlanFlow;
  name: string;
  onBack: () => void;
  onClose: () => void;
  onConnect: () => void;
  onPreviewAgain: () => void;
}

/** The Preview step: the link's summary, then each router's plan (commands, before/after, its own rollback). */
function PlanStep({ preview, plan, flow, name, onBack, onClose, onConnect, onPreviewAgain }: PlanStepProps) {
  const { t } = useTranslation();
  const { stale, busy, error } = flow;
  const applying = busy === 'applying';
  const plans: Array<{ side: SideKey; routerName: string; plan: PlanView | undefined }> = [
    { side: 'a', routerName: preview.a.routerName, plan },
    { side: 'b', routerName: preview.b.routerName, plan: plan.linked },
  ];
  return (
    <Dialog
      title={t('sitesView.planTitle', { name })}
      description={error ? t('changes.preview.descriptionTried') : t('sitesView.planDescription')}
      onClose={onClose}
      busy={applying}
      size="xl"
      data-testid="sites-dialog"
      footer={
        <>
          <Button onClick={onBack} disabled={applying} icon={<ArrowLeft size={15} aria-hidden />} data-testid="sites-back">
            {t('changes.preview.back')}
          </Button>
          <span className="spacer" />
          {stale ? (
            <Button variant="primary" icon={<RefreshCw size={15} aria-hidden />} onClick={onPreviewAgain} busy={busy === 'previewing'} data-testid="sites-preview-again">
              {t('changes.stale.again')}
            </Button>
          ) : (
            // Not focused on arrival: Enter pressed twice must not connect a link nobody has read.
            <Button variant="primary" icon={<ArrowLeftRight size={14} aria-hidden />} onClick={onConnect} busy={applying} disabled={busy === 'previewing'} data-testid="sites-connect">
              {t('sitesView.connect')}
            </Button>
          )}
        </>
      }
    >
      <div className="stack" data-testid="sites-plan-step">
        {stale ? (
          <Banner tone="warn" title={stale.reason === 'changed' ? t('changes.stale.changedTitle') : t('changes.stale.expiredTitle')} data-testid="plan-stale">
            <p>{stale.reason === 'changed' ? t('sitesView.staleChangedBody') : t('changes.stale.expiredBody')}</p>
          </Banner>
        ) : null}
        <div className={stale ? 'plan-outdated stack' : 'stack'} aria-disabled={stale ? true : undefined}>
          <section className="subsection sites-preview" data-testid="sites-preview-result" data-ready={preview.ready}>
            <LinkSummary preview={preview} />
          </section>
          <section className="subsection" data-testid="sites-plans">
            <h3 className="subsection-title">{t('sitesView.plansTitle')}</h3>
            {plans.map((p) =>
              p.plan ? (
                <div key={p.side} className="sites-plan" data-testid={`site-plan-${p.side}`}>
                  <h4 className="sites-plan-title">
                    <span className="badge">{p.side.toUpperCase()}</span>
                    <span>{t('sitesView.planOn', { router: p.routerName })}</span>
                  </h4>
                  <PlanPreview plan={p.plan} />
                </div>
              ) : null,
            )}
          </section>
        </div>
        {error ? <ActionErrorPanel error={error} failedTitle={t('sitesView.connectFailed')} data-testid="sites-error" /> : null}
      </div>
    </Dialog>
  );
}

interface SideFieldsProps {
  side: SideKey;
  values: SideValues;
  /** Side A is this router: shown, not chosen. */
  fixedRouter?: RouterProfile | undefined;
  candidates: RouterProfile[];
  fieldError: (side: SideKey, field: SideField) => string | null;
  onChange: (patch: Partial<SideValues>) => void;
}

function SideFields({ side, values, fixedRouter, candidates, fieldError, onChange }: SideFieldsProps) {
  const { t } = useTranslation();
  const [interfaces, setInterfaces] = useState<WgInterface[] | null>(null);
  const [loadError, setLoadError] = useState<ActionError | null>(null);
  const routerId = values.routerId;
  const onChangeRef = useRef(onChange);
  const ifaceRef = useRef(values.iface);
  useEffect(() => {
    onChangeRef.current = onChange;
    ifaceRef.current = values.iface;
  });

  useEffect(() => {
    if (!routerId) return;
    let cancelled = false;
    invoke('interfaces:list', { routerId }).then(
      (list) => {
        if (cancelled) return;
        setInterfaces(list.rows);
        // One interface (or the first enabled one) is the obvious choice, unless one is chosen already (back
        // from the Preview step, the form is shown anew with what was chosen).
        const first = list.rows.find((i) => !i.disabled) ?? list.rows[0];
        if (first && !ifaceRef.current) onChangeRef.current({ iface: first.name });
      },
      (e: unknown) => !cancelled && setLoadError(toActionError(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [routerId]);

  const id = (field: string) => `site-${side}-${field}`;
  const chosen = interfaces?.find((i) => i.name === values.iface);
  const ifaceError = fieldError(side, 'iface') ?? (loadError ? loadError.message : null);
  return (
    <fieldset className="sites-side" data-testid={`site-${side}`}>
      <legend className="sites-side-title">
        <span className="badge">{side.toUpperCase()}</span>
        {side === 'a' ? t('sitesView.sideA') : t('sitesView.sideB')}
      </legend>
      {fixedRouter ? (
        <div className="field">
          <span className="field-label">{t('sitesView.form.router')}</span>
          <div className="sites-router-name strong" data-testid={id('router-name')}>
            {fixedRouter.name}
          </div>
        </div>
      ) : (
        <Field id={id('router')} label={t('sitesView.form.router')} error={fieldError(side, 'routerId')} hint={t('sitesView.form.routerHint')}>
          <select
            {...fieldAria(id('router'), fieldError(side, 'routerId'), true)}
            className="select"
            value={values.routerId}
            onChange={(e) => onChange({ routerId: e.target.value, iface: '' })}
            disabled={candidates.length === 0}
            data-testid={id('router')}
          >
            <option value="">{t('sitesView.form.chooseRouterOption')}</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field
        id={id('iface')}
        label={t('sitesView.form.interface')}
        error={ifaceError}
        hint={chosen ? t('sitesView.form.interfaceHint', { port: chosen.listenPort, addresses: chosen.addresses.join(', ') || t('sitesView.form.noAddress') }) : undefined}
      >
        <select
          {...fieldAria(id('iface'), ifaceError, chosen !== undefined)}
          className="select"
          value={values.iface}
          onChange={(e) => onChange({ iface: e.target.value })}
          disabled={!routerId || interfaces === null}
          data-testid={id('iface')}
        >
          {interfaces === null ? <option value="">{routerId ? t('sitesView.form.loadingInterfaces') : t('sitesView.form.chooseRouterFirst')}</option> : null}
          {interfaces?.length === 0 ? <option value="">{t('sitesView.form.noInterfaces')}</option> : null}
          {interfaces?.map((i) => (
            <option key={i.id} value={i.name}>
              {i.name}
              {i.disabled ? ` (${t('sitesView.form.disabled')})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('lans')} label={t('sitesView.form.lans')} error={fieldError(side, 'lans')} hint={t('sitesView.form.lansHint')}>
        <input
          {...fieldAria(id('lans'), fieldError(side, 'lans'), true)}
          className="input mono"
          value={values.lans}
          onChange={(e) => onChange({ lans: e.target.value })}
          placeholder={side === 'a' ? '192.168.10.0/24' : '192.168.20.0/24'}
          spellCheck={false}
          autoComplete="off"
          data-autofocus={side === 'a' ? true : undefined}
          data-testid={id('lans')}
        />
      </Field>
      <Field id={id('endpoint')} label={t('sitesView.form.endpoint')} error={fieldError(side, 'endpoint')} hint={side === 'a' ? t('sitesView.form.endpointHintA') : t('sitesView.form.endpointHintB')}>
        <input
          {...fieldAria(id('endpoint'), fieldError(side, 'endpoint'), true)}
          className="input mono"
          value={values.endpoint}
          onChange={(e) => onChange({ endpoint: e.target.value })}
          placeholder={side === 'a' ? 'vpn.site-a.example:13231' : 'vpn.site-b.example:13231'}
          spellCheck={false}
          autoComplete="off"
          data-testid={id('endpoint')}
        />
      </Field>
      <Field id={id('peer-name')} label={t('sitesView.form.peerName')} error={fieldError(side, 'peerName')} hint={t('sitesView.form.peerNameHint')}>
        <input
          {...fieldAria(id('peer-name'), fieldError(side, 'peerName'), true)}
          className="input"
          value={values.peerName}
          onChange={(e) => onChange({ peerName: e.target.value })}
          placeholder={t('sitesView.form.peerNamePlaceholder')}
          spellCheck={false}
          autoComplete="off"
          data-testid={id('peer-name')}
        />
      </Field>
    </fieldset>
  );
}

function SidePreviewCard({ side, preview }: { side: SideKey; preview: SidePreview }) {
  const { t } = useTranslation();
  const none = <span className="faint">{t('sitesView.none')}</span>;
  return (
    <div className="sites-card" data-testid={`site-preview-${side}`}>
      <div className="sites-card-head">
        <span className="badge">{side.toUpperCase()}</span>
        <span className="strong ellipsis" data-testid={`site-preview-${side}-router`}>
          {preview.routerName}
        </span>
        <span className="muted small">
          {preview.interface} · {preview.tunnelAddress ?? t('sitesView.form.noAddress')}
        </span>
      </div>
      <dl className="sites-facts">
        <dt>{t('sitesView.lansShared')}</dt>
        <dd className="mono">{preview.lans.length > 0 ? preview.lans.join(', ') : none}</dd>
        <dt>{t('sitesView.dialedAt')}</dt>
        <dd>
          {preview.endpoint ? (
            <>
              <span className="mono">
                {preview.endpoint.host}:{preview.endpoint.port}
              </span>{' '}
              <span className="faint small">({t(`sitesView.source.${preview.endpoint.source}`)})</span>
            </>
          ) : (
            <span className="muted">{t('sitesView.notDialed')}</span>
          )}
        </dd>
      </dl>
      <h4 className="sites-card-subtitle">{t('sitesView.peerToAdd')}</h4>
      <dl className="sites-facts" data-testid={`site-preview-${side}-peer`}>
        <dt>{t('sitesView.peerName')}</dt>
        <dd className="strong" data-testid={`site-preview-${side}-peer-name`}>
          {preview.peer.name}
        </dd>
        <dt>{t('sitesView.allowed')}</dt>
        <dd className="mono" data-testid={`site-preview-${side}-peer-allowed`}>
          {preview.peer.allowedAddress.join(', ') || '—'}
        </dd>
        <dt>{t('sitesView.peerEndpoint')}</dt>
        <dd className="mono" data-testid={`site-preview-${side}-peer-endpoint`}>
          {preview.peer.endpoint ?? <span className="muted">{t('sitesView.waitsForDial')}</span>}
        </dd>
        <dt>{t('sitesView.keepalive')}</dt>
        <dd>{t('sitesView.keepaliveValue', { seconds: preview.peer.keepaliveSec })}</dd>
      </dl>
      <h4 className="sites-card-subtitle">{t('sitesView.routesToAdd', { count: preview.routes.length })}</h4>
      {preview.routes.length > 0 ? (
        <ul className="sites-routes" data-testid={`site-preview-${side}-routes`}>
          {preview.routes.map((r) => (
            <li key={r.dstAddress} className="mono">
              {r.dstAddress} <span className="faint">→</span> {r.gateway}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('sitesView.noRoutes')}</p>
      )}
    </div>
  );
}

function SiteWarnings({ warnings }: { warnings: Preview['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="warning-list" data-testid="sites-warnings">
      {warnings.map((w, i) => {
        const { text, command } = splitCommand(w.message);
        return (
          <Banner key={`${w.code}-${i}`} tone="warn" compact title={t(`sitesView.warning.${w.code}`, { defaultValue: t('sitesView.warningGeneric') })} data-testid={`sites-warning-${w.code}`}>
            <p>{text}</p>
            {command ? <CopyBlock text={command} label={t('sitesView.copyCommand')} wrap /> : null}
          </Banner>
        );
      })}
    </div>
  );
}

const OUTCOME_TONE = { done: 'ok-text', failed: 'danger-text', undone: 'muted', 'left-behind': 'danger-text' } as const;

function ResultStep({ result, onClose }: { result: ConnectResult; onClose: () => void }) {
  const { t } = useTranslation();
  const leftBehind = result.steps.filter((s) => s.outcome === 'left-behind');
  const ifaceOf = (s: Step) => (s.routerId === result.preview.a.routerId ? result.preview.a.interface : s.routerId === result.preview.b.routerId ? result.preview.b.interface : undefined);
  const names = { a: result.preview.a.routerName, b: result.preview.b.routerName };
  return (
    <Dialog
      title={result.outcome === 'connected' ? t('sitesView.result.connectedTitle') : t('sitesView.result.failedTitle')}
      onClose={onClose}
      size="lg"
      data-testid="sites-result"
      footer={
        <>
          <span className="spacer" />
          <Button variant="primary" onClick={onClose} data-testid="sites-result-close">
            {t('common.close')}
          </Button>
        </>
      }
    >
      <div className="stack" data-testid="sites-outcome" data-outcome={result.outcome}>
        {result.outcome === 'connected' ? (
          <p className="custody-note ok-text">
            <CircleCheck size={15} aria-hidden />
            <span>{t('sitesView.result.connectedBody', names)}</span>
          </p>
        ) : null}
        {result.outcome === 'rolled-back' ? (
          <Banner tone="danger" title={t('sitesView.result.rolledBackTitle')} data-testid="sites-rolled-back">
            <p>{t('sitesView.result.rolledBackBody')}</p>
            {result.error ? <p className="strong-note">{result.error.message}</p> : null}
          </Banner>
        ) : null}
        {result.outcome === 'partial' ? (
          <Banner tone="danger" title={t('sitesView.result.partialTitle', { count: leftBehind.length })} data-testid="sites-partial">
            {result.error ? <p>{result.error.message}</p> : null}
            <p className="strong-note">{t('sitesView.result.partialBody')}</p>
            <ul className="sites-left-behind stack">
              {leftBehind.map((s, i) => (
                <li key={i} data-testid="sites-left-behind-item">
                  <span>{t('sitesView.result.removeOn', { router: s.routerName, what: t(`sitesView.action.${s.action}`, { object: s.object }) })}</span>
                  <CopyBlock text={removeCommand(s, ifaceOf(s))} label={t('sitesView.copyCommand')} wrap />
                </li>
              ))}
            </ul>
          </Banner>
        ) : null}
        <section className="subsection">
          <h3 className="subsection-title">{t('sitesView.result.stepsTitle')}</h3>
          <table className="sites-steps" data-testid="sites-steps">
            <thead>
              <tr>
                <th>{t('sitesView.result.router')}</th>
                <th>{t('sitesView.result.change')}</th>
                <th>{t('sitesView.result.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {result.steps.map((s, i) => (
                <tr key={i} data-testid="sites-step" data-outcome={s.outcome} data-action={s.action}>
                  <td className="nowrap">{s.routerName}</td>
                  <td>
                    <span>{t(`sitesView.action.${s.action}`, { object: s.object })}</span>
                    {s.message ? <div className="muted small">{s.message}</div> : null}
                  </td>
                  <td className={`nowrap strong ${OUTCOME_TONE[s.outcome]}`}>{t(`sitesView.outcome.${s.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </Dialog>
  );
}
