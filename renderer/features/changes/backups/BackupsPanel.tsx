// Scaffold: replaced by the backups panel.
import { useTranslation } from 'react-i18next';

export function BackupsPanel({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  return <section className="backups-panel" data-router={routerId}><h2>{t('backups.title')}</h2></section>;
}
