// A fix straight to its Preview step, Cancel or Apply: the closed port's and the missing address's (Interfaces
// tab, Add-peer form, config dialog) and the connection doctor's. Applied on the channel of its kind.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyChange, type FixRequest } from '../../lib/apply-change.ts';
import { ChangePreviewDialog } from './PlanPreview.tsx';
import { useFetchedPlanFlow, usePreviewOnOpen } from './use-plan-flow.ts';

export function FixPreviewDialog({ fix, title, applyLabel, intro = null, failedTitle, onClose, onDone }: { fix: FixRequest; title: string; applyLabel: string; intro?: ReactNode; failedTitle?: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const flow = useFetchedPlanFlow();
  const previewError = usePreviewOnOpen(flow.preview, fix);
  const apply = async () => {
    const done = await flow.apply(async (planId) => {
      await applyChange(fix, planId);
      return true;
    });
    if (done) onDone();
  };
  return (
    <ChangePreviewDialog
      title={title}
      flow={flow}
      onBack={onClose}
      backIsCancel
      onClose={onClose}
      onApply={() => void apply()}
      applyLabel={applyLabel}
      failedTitle={failedTitle ?? t('interfaces.changeFailed')}
      previewError={previewError}
      intro={intro}
    />
  );
}
