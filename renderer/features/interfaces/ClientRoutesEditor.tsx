// What one interface's client configs route into the tunnel, as WireDesk remembers it: the set-up wizard's split
// tunnel, changed or cleared here. New peers, Config & QR and CSV imports on the interface use it; with nothing
// remembered they route everything (the full tunnel). Shown next to where clients dial, in the endpoint dialog.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field, fieldAria } from '../../ui/Field.tsx';
import { useClientRoutes, type RememberedRoutes } from './client-routes-store.ts';
import { toClientRoutes } from './interface-form.ts';

export interface ClientRoutesEditorProps {
  routerId: string;
  iface: string;
  current: RememberedRoutes | null;
  idPrefix: string;
}

export function ClientRoutesEditor({ routerId, iface, current, idPrefix }: ClientRoutesEditorProps) {
  const { t } = useTranslation();
  const save = useClientRoutes((s) => s.save);
  const clear = useClientRoutes((s) => s.clear);
  const [text, setText] = useState(current?.routes.join(', ') ?? '');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ActionError | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toActionError(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    const checked = toClientRoutes(text);
    if (!checked.ok) {
      setFieldError(checked.error === 'required' ? t('clientRoutes.required') : checked.error);
      return;
    }
    setFieldError(null);
    void run(async () => setText((await save(routerId, iface, checked.routes)).routes.join(', ')));
  };

  const fullTunnel = () =>
    void run(async () => {
      await clear(routerId, iface);
      setText('');
    });

  const id = `${idPrefix}-routes`;
  return (
    <section className="subsection" data-testid="client-routes-editor">
      <h3 className="subsection-title">{t('clientRoutes.title')}</h3>
      <p className="muted small" data-testid="client-routes-current" data-state={current ? 'split' : 'full'}>
        {current ? t('clientRoutes.split', { routes: current.routes.join(', ') }) : t('clientRoutes.full')}
      </p>
      <Field id={id} label={t('clientRoutes.label')} error={fieldError} hint={t('clientRoutes.hint')}>
        <input
          {...fieldAria(id, fieldError, true)}
          className="input mono"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setFieldError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
          placeholder="10.20.0.0/24, 192.168.88.0/24"
          spellCheck={false}
          autoComplete="off"
          data-testid="client-routes-input"
        />
      </Field>
      {error ? <ActionErrorPanel error={error} failedTitle={t('clientRoutes.saveFailed')} /> : null}
      <div className="inline-actions">
        <Button size="sm" onClick={submit} busy={busy} data-testid="client-routes-save">
          {current ? t('clientRoutes.save') : t('clientRoutes.saveSplit')}
        </Button>
        <span className="spacer" />
        {current ? (
          <Button size="sm" variant="ghost" onClick={fullTunnel} disabled={busy} data-testid="client-routes-full">
            {t('clientRoutes.useFull')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
