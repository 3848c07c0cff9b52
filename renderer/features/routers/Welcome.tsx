// First run: what WireDesk does, and two ways to start (a real router, or the simulated demo one).
import { useState } from 'react';
import { FlaskConical, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { LogoMark } from '../../app/Logo.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { useRouters } from './store.ts';

export function Welcome({ onAdd, onDemoStarted }: { onAdd: () => void; onDemoStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const startDemo = useRouters((s) => s.startDemo);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const demo = async () => {
    setBusy(true);
    setError(null);
    try {
      const profile = await startDemo();
      onDemoStarted(profile.id);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <div className="welcome" data-testid="empty-state">
      <div className="welcome-card">
        <LogoMark size={48} />
        <h1 className="welcome-title">{t('welcome.title')}</h1>
        <p className="welcome-lead">{t('welcome.lead')}</p>
        <div className="welcome-actions">
          <Button variant="primary" icon={<Plus size={16} aria-hidden />} onClick={onAdd} data-testid="welcome-add-router">
            {t('welcome.add')}
          </Button>
          <Button icon={<FlaskConical size={16} aria-hidden />} onClick={() => void demo()} busy={busy} data-testid="try-demo">
            {t('welcome.demo')}
          </Button>
        </div>
        <p className="welcome-note">{t('welcome.demoNote')}</p>
        <ul className="welcome-needs">
          <li>{t('welcome.needVersion')}</li>
          <li>{t('welcome.needService')}</li>
          <li>{t('welcome.needUser')}</li>
        </ul>
        {error ? (
          <Banner tone="danger" title={t('welcome.demoFailed')}>
            {error}
          </Banner>
        ) : null}
      </div>
    </div>
  );
}
