// Removing a router is deliberate: the dialog names it and says what is deleted (and what is not).
import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import { Trans, useTranslation } from 'react-i18next';
import type { RouterProfile } from '../../../src/contract/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { useRouters } from './store.ts';

export function RemoveRouterDialog({ router, onClose, onRemoved }: { router: RouterProfile; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const remove = useRouters((s) => s.remove);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await remove(router.id);
      onRemoved();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('removeRouter.title', { name: router.name })}
      onClose={onClose}
      busy={busy}
      size="sm"
      data-testid="remove-dialog"
      footer={
        <>
          <span className="spacer" />
          <Button onClick={onClose} disabled={busy} data-autofocus data-testid="remove-cancel">
            {t('common.cancel')}
          </Button>
          <Button variant="danger" icon={<Trash2 size={15} aria-hidden />} onClick={() => void confirm()} busy={busy} data-testid="remove-confirm">
            {t('removeRouter.confirm')}
          </Button>
        </>
      }
    >
      <div className="stack">
        <p>
          <Trans i18nKey={router.isDemo ? 'removeRouter.bodyDemo' : 'removeRouter.body'} values={{ name: router.name, address: `${router.host}:${router.port}` }} components={{ b: <strong /> }} />
        </p>
        <p className="muted">{router.isDemo ? t('removeRouter.demoNote') : t('removeRouter.keychainNote')}</p>
        {error ? (
          <Banner tone="danger" title={t('removeRouter.failed')}>
            {error}
          </Banner>
        ) : null}
      </div>
    </Dialog>
  );
}
