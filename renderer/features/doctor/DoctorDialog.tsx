// "Why is it not connecting?": the doctor's likely causes for one peer, most likely first, each in plain words
// with its evidence, and a Fix button where WireDesk can fix it. A fix is a change like any other: its Preview
// step opens over this dialog, and after it is applied the diagnosis is made again.
import { useCallback, useEffect, useState } from 'react';
import { RefreshCw, Stethoscope, Wrench } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { InvokeOutput, ManagedPeer } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { isFixRequest, type FixRequest } from '../../lib/apply-change.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { formatAge, formatUptime, type Translate } from '../../lib/format.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { LoadingState } from '../../ui/ReadErrorState.tsx';
import { FixPreviewDialog } from '../changes/FixPreviewDialog.tsx';
import { peerLabel } from '../peers/peer-view.ts';
import './doctor.css';

type Diagnosis = InvokeOutput<'peers:diagnose'>;
type Cause = Diagnosis['causes'][number];

/** The cause's parameters with its durations worded. */
function causeParams(cause: Cause, t: Translate): Record<string, string | number> {
  const params: Record<string, string | number> = { ...cause.params };
  if (cause.code === 'router-clock') params['ntpLine'] = t(`doctor.ntp.${String(params['ntp'] ?? 'unknown')}`);
  const seconds = typeof params['seconds'] === 'number' ? params['seconds'] : null;
  if (seconds === null) return params;
  if (cause.code === 'handshake-stale') params['age'] = formatAge(seconds * 1000, t);
  if (cause.code === 'port-silent') params['age'] = formatUptime(seconds * 1000, t);
  if (cause.code === 'router-clock') {
    // A clock back at 1970 is decades off: years say it, 20789 days do not.
    const years = Math.floor(Math.abs(seconds) / (365.25 * 86_400));
    const span = years >= 1 ? t('doctor.clockYears', { count: years }) : formatUptime(Math.abs(seconds) * 1000, t);
    params['offset'] = t(seconds < 0 ? 'doctor.clockBehind' : 'doctor.clockAhead', { span });
  }
  return params;
}

function CauseItem({ cause, rank, onFix, onRotate }: { cause: Cause; rank: number; onFix: (fix: FixRequest) => void; onRotate: () => void }) {
  const { t } = useTranslation();
  const params = causeParams(cause, t);
  // New keys go through the peer's own Rotate keys dialog: its choices, its preview, then the new config to hand over.
  const rotate = cause.fix?.kind === 'peer.rotateKeys';
  const fix = cause.fix && isFixRequest(cause.fix) ? cause.fix : null;
  return (
    <li className={`doctor-cause${rank === 0 ? ' first' : ''}`} data-testid={`doctor-cause-${cause.code}`} data-rank={rank}>
      <div className="doctor-cause-text">
        <div className="strong">{t(`doctor.cause.${cause.code}.title`, params)}</div>
        <p className="muted small">{t(`doctor.cause.${cause.code}.body`, params)}</p>
      </div>
      {fix || rotate ? (
        <Button size="sm" variant={rank === 0 ? 'primary' : 'secondary'} icon={<Wrench size={14} aria-hidden />} onClick={() => (fix ? onFix(fix) : onRotate())} data-testid={`doctor-fix-${cause.code}`}>
          {t(`doctor.cause.${cause.code}.fix`, params)}
        </Button>
      ) : null}
    </li>
  );
}

export function DoctorDialog({ routerId, peer, onClose, onChanged, onRotate }: { routerId: string; peer: ManagedPeer; onClose: () => void; onChanged: () => void; onRotate: () => void }) {
  const { t } = useTranslation();
  const [diagnosis, setDiagnosis] = useState<Diagnosis | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [round, setRound] = useState(0);
  const [fixing, setFixing] = useState<{ fix: FixRequest; title: string } | null>(null);
  const name = peerLabel(peer) || peer.publicKey.slice(0, 8);

  useEffect(() => {
    let cancelled = false;
    invoke('peers:diagnose', { routerId, peerId: peer.id }).then(
      (value) => {
        if (cancelled) return;
        setDiagnosis(value);
        setError(null);
      },
      (e: unknown) => !cancelled && setError(toActionError(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [routerId, peer.id, round]);

  const again = useCallback(() => setRound((n) => n + 1), []);
  const causes = diagnosis?.causes ?? [];

  return (
    <Dialog
      title={t('doctor.title', { name })}
      description={t('doctor.description')}
      onClose={onClose}
      size="lg"
      data-testid="doctor-dialog"
      footer={
        <>
          <Button icon={<RefreshCw size={14} aria-hidden />} onClick={again} data-testid="doctor-again">
            {t('doctor.again')}
          </Button>
          <span className="spacer" />
          <Button variant="primary" onClick={onClose} data-testid="doctor-close">
            {t('common.close')}
          </Button>
        </>
      }
    >
      <div className="stack">
        {error ? <ActionErrorPanel error={error} failedTitle={t('doctor.failed')} /> : null}
        {!diagnosis && !error ? <LoadingState label={t('doctor.loading')} /> : null}
        {diagnosis && causes.length === 0 ? (
          <Banner tone="ok" title={t('doctor.nothingTitle')} data-testid="doctor-nothing">
            {t('doctor.nothingBody')}
          </Banner>
        ) : null}
        {causes.length > 0 ? (
          <>
            <p className="doctor-lead">
              <Stethoscope size={15} aria-hidden /> {t('doctor.lead', { count: causes.length })}
            </p>
            <ol className="doctor-causes" data-testid="doctor-causes">
              {causes.map((cause, i) => (
                <CauseItem key={`${cause.code}-${i}`} cause={cause} rank={i} onRotate={onRotate} onFix={(fix) => setFixing({ fix, title: t('doctor.fixTitle', { what: t(`doctor.cause.${cause.code}.fix`, causeParams(cause, t)), name }) })} />
              ))}
            </ol>
            <p className="muted small">{t('doctor.limits')}</p>
          </>
        ) : null}
      </div>
      {fixing ? (
        <FixPreviewDialog
          fix={fixing.fix}
          title={fixing.title}
          applyLabel={t('doctor.applyFix')}
          failedTitle={t('doctor.fixFailed')}
          onClose={() => setFixing(null)}
          onDone={() => {
            setFixing(null);
            onChanged();
            again();
          }}
        />
      ) : null}
    </Dialog>
  );
}
