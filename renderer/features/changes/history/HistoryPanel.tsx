// Scaffold: replaced by the history (undo) panel.
import { useTranslation } from 'react-i18next';

export function HistoryPanel({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  return <section className="history-panel" data-router={routerId}><h2>{t('history.title')}</h2></section>;
}
