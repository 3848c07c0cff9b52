// Warnings from the router checks ({code, message}): a short title per code, the full sentence, and for a
// closed firewall the exact RouterOS command that opens the port, ready to copy.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagementWarning } from '../../src/contract/index.ts';
import { splitCommand } from '../lib/action-error.ts';
import { Banner } from './Banner.tsx';
import { CopyBlock } from './CopyBlock.tsx';

/** `actions`: a button per warning code that WireDesk can fix right there (a closed port: "Let the port in…"). */
export function WarningList({ warnings, actions, 'data-testid': testId = 'warnings' }: { warnings: readonly ManagementWarning[]; actions?: Partial<Record<ManagementWarning['code'], ReactNode>>; 'data-testid'?: string }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="warning-list" data-testid={testId}>
      {warnings.map((w, i) => {
        const { text, command } = splitCommand(w.message);
        return (
          <Banner key={`${w.code}-${i}`} tone={w.code === 'POOL_FULL' ? 'danger' : 'warn'} compact title={t(`warning.${w.code}`)} actions={actions?.[w.code]} data-testid={`warning-${w.code}`}>
            <p>{text}</p>
            {command ? <CopyBlock text={command} label={t('warning.copyCommand')} wrap data-testid="firewall-command" /> : null}
          </Banner>
        );
      })}
    </div>
  );
}
