// Add or edit a router: connection fields, a connection test that explains every failure, and the TLS
// trust decisions (pin a certificate, accept anonymous TLS) made deliberately by the technician.
import { useEffect, useRef, useState } from 'react';
import { CircleCheck, Eye, EyeOff, PlugZap, ShieldCheck, ShieldOff, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTest, RouterProfile, Transport } from '../../../src/contract/index.ts';
import { ApiError, errorMessage, invoke } from '../../lib/api.ts';
import { Button } from '../../ui/Button.tsx';
import { FormDialog } from '../../ui/Dialog.tsx';
import { Field, fieldAria } from '../../ui/Field.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { ConnectionErrorPanel, Fingerprint, type PanelError } from './ConnectionErrorPanel.tsx';
import {
  connectionFieldsDiffer,
  emptyForm,
  formFromProfile,
  switchTransport,
  toUpdate,
  validateForm,
  type FormField,
  type RouterFormValues,
} from './router-form.ts';
import { useRouters } from './store.ts';

type TestState = { state: 'idle' } | { state: 'testing' } | { state: 'ok'; result: ConnectionTest } | { state: 'error'; error: PanelError };

function toPanelError(error: unknown): PanelError {
  if (error instanceof ApiError) return { code: error.code, message: error.message, details: error.details };
  return { code: 'UNKNOWN', message: errorMessage(error) };
}

export interface RouterDialogProps {
  /** The router being edited; undefined to add a new one. */
  router?: RouterProfile;
  onClose: () => void;
  onSaved: (profile: RouterProfile) => void;
  onRemove?: () => void;
}

export function RouterDialog({ router, onClose, onSaved, onRemove }: RouterDialogProps) {
  const { t } = useTranslation();
  const editing = router !== undefined;
  const [values, setValues] = useState<RouterFormValues>(() => (router ? formFromProfile(router) : emptyForm()));
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<PanelError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const upsertProfile = useRouters((s) => s.upsertProfile);

  const validation = validateForm(values);
  const errorFor = (field: FormField): string | null => {
    if (!submitted && !touched.has(field)) return null;
    const issue = validation.errors[field];
    return issue ? t(issue.key, { defaultValue: issue.message }) : null;
  };

  const change = (next: RouterFormValues) => {
    if (connectionFieldsDiffer(values, next)) setTest({ state: 'idle' });
    setSaveError(null);
    setValues(next);
  };
  const set = <F extends FormField>(field: F, value: RouterFormValues[F]) => change({ ...values, [field]: value });
  const blur = (field: FormField) => setTouched((prev) => new Set(prev).add(field));

  const focusFirstInvalid = () => {
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const runTest = async (form: RouterFormValues) => {
    const { draft } = validateForm(form);
    if (!draft) {
      setSubmitted(true);
      focusFirstInvalid();
      return;
    }
    setTest({ state: 'testing' });
    setSaveError(null);
    try {
      const result = await invoke('routers:test', router ? { ...draft, id: router.id } : draft);
      setTest({ state: 'ok', result });
    } catch (error) {
      setTest({ state: 'error', error: toPanelError(error) });
    }
  };

  const trust = (fingerprint: string) => {
    const next = { ...values, tlsFingerprint: fingerprint };
    setValues(next);
    void runTest(next);
  };

  const save = async () => {
    const { draft } = validation;
    if (!draft) {
      setSubmitted(true);
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const profile = router ? await invoke('routers:update', toUpdate(router, draft)) : await invoke('routers:add', draft);
      upsertProfile(profile);
      onSaved(profile);
    } catch (error) {
      setSaveError(toPanelError(error));
      setSaving(false);
    }
  };

  // Bring the test result (or the save error) into view: it appears below the fields.
  const resultKey = saveError ? 'save' : test.state;
  useEffect(() => {
    if (resultKey === 'ok' || resultKey === 'error' || resultKey === 'save') resultRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [resultKey]);

  const busy = saving || test.state === 'testing';
  const panelError = saveError ?? (test.state === 'error' ? test.error : null);
  const transportOptions: ReadonlyArray<{ value: Transport; label: string; testId: string }> = [
    { value: 'api-ssl', label: t('routerForm.transportApiSsl'), testId: 'transport-api-ssl' },
    { value: 'api', label: t('routerForm.transportApi'), testId: 'transport-api' },
  ];

  return (
    <FormDialog
      title={editing ? t('routerForm.editTitle', { name: router.name }) : t('routerForm.addTitle')}
      description={editing ? t('routerForm.editDescription') : t('routerForm.addDescription')}
      onClose={onClose}
      size="lg"
      data-testid="router-dialog"
      formId="router-form"
      formRef={formRef}
      onSubmit={() => void save()}
      submitLabel={editing ? t('routerForm.save') : t('routerForm.add')}
      saving={saving}
      submitDisabled={test.state === 'testing'}
      footerStart={
        editing && onRemove ? (
          <Button variant="ghost" className="danger-text" icon={<Trash2 size={15} aria-hidden />} onClick={onRemove} disabled={busy} data-testid="router-remove">
            {t('routerForm.remove')}
          </Button>
        ) : null
      }
      cancelTestId="router-cancel"
      submitTestId="router-save"
    >
      <Field id="router-name" label={t('routerForm.name')} hint={t('routerForm.nameHint')} error={errorFor('name')}>
        <input
          {...fieldAria('router-name', errorFor('name'), true)}
          className="input"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          onBlur={() => blur('name')}
          placeholder={t('routerForm.namePlaceholder')}
          autoComplete="off"
          data-autofocus
          data-testid="router-name"
        />
      </Field>

      <div className="form-row host-row">
        <Field id="router-host" label={t('routerForm.host')} error={errorFor('host')}>
          <input
            {...fieldAria('router-host', errorFor('host'))}
            className="input"
            value={values.host}
            onChange={(e) => set('host', e.target.value)}
            onBlur={() => blur('host')}
            placeholder="192.168.88.1"
            autoComplete="off"
            spellCheck={false}
            data-testid="router-host"
          />
        </Field>
        <Field id="router-port" label={t('routerForm.port')} error={errorFor('port')}>
          <input
            {...fieldAria('router-port', errorFor('port'))}
            className="input num"
            value={values.port}
            inputMode="numeric"
            onChange={(e) => set('port', e.target.value)}
            onBlur={() => blur('port')}
            autoComplete="off"
            data-testid="router-port"
          />
        </Field>
      </div>

      <div className="field">
        <span className="field-label" id="router-transport-label">
          {t('routerForm.transport')}
        </span>
        <Segmented name="router-transport" aria-labelledby="router-transport-label" value={values.transport} options={transportOptions} onChange={(next) => change(switchTransport(values, next))} />
        <div className={`field-hint${values.transport === 'api' ? ' warn-text' : ''}`}>{values.transport === 'api' ? t('routerForm.transportApiHint') : t('routerForm.transportApiSslHint')}</div>
      </div>

      <div className="form-row">
        <Field id="router-username" label={t('routerForm.username')} error={errorFor('username')}>
          <input
            {...fieldAria('router-username', errorFor('username'))}
            className="input"
            value={values.username}
            onChange={(e) => set('username', e.target.value)}
            onBlur={() => blur('username')}
            autoComplete="off"
            spellCheck={false}
            data-testid="router-username"
          />
        </Field>
        <Field id="router-password" label={t('routerForm.password')} hint={editing ? t('routerForm.passwordKeepHint') : t('routerForm.passwordHint')} error={errorFor('password')}>
          <div className="input-group">
            <input
              {...fieldAria('router-password', errorFor('password'), true)}
              className="input"
              type={showPassword ? 'text' : 'password'}
              value={values.password}
              onChange={(e) => set('password', e.target.value)}
              onBlur={() => blur('password')}
              placeholder={editing ? t('routerForm.passwordKeepPlaceholder') : ''}
              autoComplete="new-password"
              spellCheck={false}
              data-testid="router-password"
            />
            <button
              type="button"
              className="icon-btn input-addon"
              onClick={() => setShowPassword((v) => !v)}
              aria-label={showPassword ? t('routerForm.hidePassword') : t('routerForm.showPassword')}
              title={showPassword ? t('routerForm.hidePassword') : t('routerForm.showPassword')}
              aria-pressed={showPassword}
              data-testid="toggle-password"
            >
              {showPassword ? <EyeOff size={15} aria-hidden /> : <Eye size={15} aria-hidden />}
            </button>
          </div>
        </Field>
      </div>

      {values.transport === 'api-ssl' && (values.tlsFingerprint || values.allowAnonymousTls) ? (
        <div className="tls-state" data-testid="tls-state">
          {values.tlsFingerprint ? (
            <>
              <div className="tls-state-head">
                <ShieldCheck size={15} aria-hidden className="ok-text" />
                <span className="field-label">{t('routerForm.pinnedTitle')}</span>
                <span className="spacer" />
                <Button size="sm" variant="ghost" className="danger-text" onClick={() => set('tlsFingerprint', null)} data-testid="remove-pin">
                  {t('routerForm.removePin')}
                </Button>
              </div>
              <Fingerprint value={values.tlsFingerprint} label={t('routerForm.pinnedTitle')} testId="pinned-fingerprint" />
              <p className="field-hint">{t('routerForm.pinnedHint')}</p>
            </>
          ) : (
            <div className="tls-state-head">
              <ShieldOff size={15} aria-hidden className="warn-text" />
              <span>{t('routerForm.anonymousAllowed')}</span>
              <span className="spacer" />
              <Button size="sm" variant="ghost" onClick={() => set('allowAnonymousTls', false)} data-testid="undo-anonymous">
                {t('routerForm.undoAnonymous')}
              </Button>
            </div>
          )}
        </div>
      ) : null}

      <div className="test-row">
        <Button icon={<PlugZap size={15} aria-hidden />} onClick={() => void runTest(values)} busy={test.state === 'testing'} disabled={saving} data-testid="test-connection">
          {test.state === 'testing' ? t('routerForm.testing') : t('routerForm.test')}
        </Button>
        <span className="muted test-hint">{test.state === 'idle' && !panelError ? t('routerForm.testHint') : null}</span>
      </div>

      <div ref={resultRef} className="test-result">
        {test.state === 'ok' ? <TestSuccess result={test.result} /> : null}

        {panelError ? (
          <ConnectionErrorPanel
            error={panelError}
            host={values.host}
            port={values.port}
            transport={values.transport}
            formFingerprint={values.tlsFingerprint}
            allowAnonymousTls={values.allowAnonymousTls}
            onTrust={trust}
            onAllowAnonymous={(allow) => {
              // Accepting is a decision like trusting a certificate: apply it and test again at once.
              const next = { ...values, allowAnonymousTls: allow };
              setValues(next);
              if (allow) void runTest(next);
            }}
            busy={busy}
          />
        ) : null}
      </div>
    </FormDialog>
  );
}

function TestSuccess({ result }: { result: ConnectionTest }) {
  const { t } = useTranslation();
  return (
    <div className="test-success" role="status" data-testid="test-success">
      <div className="test-success-head">
        <CircleCheck size={18} aria-hidden className="ok-text" />
        <span>{t('routerForm.testOk', { identity: result.identity })}</span>
      </div>
      <dl className="facts-inline">
        <div>
          <dt>{t('router.identity')}</dt>
          <dd data-testid="test-identity">{result.identity}</dd>
        </div>
        <div>
          <dt>{t('router.version')}</dt>
          <dd data-testid="test-version">{result.version}</dd>
        </div>
        <div>
          <dt>{t('router.board')}</dt>
          <dd data-testid="test-board">{result.board}</dd>
        </div>
      </dl>
      {result.tls ? (
        <p className={result.tls.authenticated ? 'muted' : 'warn-text'}>
          {result.tls.authenticated ? t('routerForm.tlsAuthenticated') : t('routerForm.tlsAnonymous')}
        </p>
      ) : null}
      {result.warnings.length > 0 ? (
        <Banner tone="warn" compact title={t('routerForm.warnings')}>
          <ul className="checklist">
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
    </div>
  );
}
