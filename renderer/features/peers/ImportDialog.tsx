// CSV import: pick a file (read here, in the renderer), dry run with the address each row would get and
// every row's problems, apply only the valid rows with progress, and a result per row. A run the link cut
// short is offered for resume with its counts; the resume asks the router first, so no peer is added twice.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FileUp, Play, RotateCw, Upload, XCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { InvokeOutput, WgInterface } from '../../../src/contract/index.ts';
import { invoke, on } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { useNow } from '../../lib/hooks.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field, fieldAria } from '../../ui/Field.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { StatusText } from '../../ui/StatusPill.tsx';
import { VirtualTable, type Column } from '../../ui/VirtualTable.tsx';
import { MAX_CSV_CHARS, readCsvFile, type CsvText } from './csv-file.ts';
import { ChangePreviewDialog } from '../changes/PlanPreview.tsx';
import { useFetchedPlanFlow } from '../changes/use-plan-flow.ts';
import { PLAN_PART_SIZE } from '../../lib/change-plan.ts';


type Preview = InvokeOutput<'peers:importPreview'>;
type PreviewRow = Preview['rows'][number];
type ImportResult = InvokeOutput<'peers:importApply'>;
type ResultRow = ImportResult['rows'][number];
type Job = InvokeOutput<'peers:importJobs'>[number];
type Progress = { done: number; total: number; applied: number; failed: number; skipped: number };

type Step =
  | { step: 'choose' }
  | { step: 'previewing' }
  | { step: 'preview'; preview: Preview }
  | { step: 'applying'; progress: Progress | null; resuming: boolean }
  | { step: 'result'; result: ImportResult };

export interface ImportDialogProps {
  routerId: string;
  interfaces: readonly WgInterface[];
  defaultInterface?: string;
  online: boolean;
  onClose: () => void;
  /** Peers were added: refresh the list. */
  onChanged: () => void;
}

export function ImportDialog({ routerId, interfaces, defaultInterface, online, onClose, onChanged }: ImportDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [iface, setIface] = useState(defaultInterface ?? interfaces[0]?.name ?? '');
  const [file, setFile] = useState<{ name: string; csv: CsvText } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [psk, setPsk] = useState(false);
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [error, setError] = useState<ActionError | null>(null);
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const unsubscribe = useRef<(() => void) | null>(null);
  // The Preview step of the import: every add WireDesk will send, made from the checked rows.
  const flow = useFetchedPlanFlow();

  const loadJobs = useCallback(
    () =>
      invoke('peers:importJobs', { routerId }).then(
        (list) => setJobs(list),
        () => setJobs([]),
      ),
    [routerId],
  );

  useEffect(() => {
    void loadJobs();
    return () => unsubscribe.current?.();
  }, [loadJobs]);

  const pick = async (picked: File | undefined) => {
    setFileError(null);
    setError(null);
    if (!picked) return;
    const csv = await readCsvFile(picked);
    if (csv.text.length > MAX_CSV_CHARS) {
      setFile(null);
      setFileError(t('import.tooLarge'));
      return;
    }
    setFile({ name: picked.name, csv });
  };

  const preview = async () => {
    if (!file) {
      setFileError(t('import.chooseFile'));
      return;
    }
    setError(null);
    setStep({ step: 'previewing' });
    try {
      setStep({ step: 'preview', preview: await invoke('peers:importPreview', { routerId, interface: iface, csv: file.csv.text }) });
    } catch (e) {
      setError(toActionError(e));
      setStep({ step: 'choose' });
    }
  };

  /** Follows import:progress for this run: the job id is only known from the first event (or the resume). */
  const follow = (jobId: string | null) => {
    let mine = jobId;
    unsubscribe.current?.();
    unsubscribe.current = on('import:progress', (p) => {
      if (p.routerId !== routerId) return;
      mine ??= p.jobId;
      if (p.jobId !== mine) return;
      setStep((s) => (s.step === 'applying' ? { ...s, progress: { done: p.done, total: p.total, applied: p.applied, failed: p.failed, skipped: p.skipped } } : s));
    });
  };

  const finish = (result: ImportResult) => {
    unsubscribe.current?.();
    unsubscribe.current = null;
    setStep({ step: 'result', result });
    onChanged();
    void loadJobs();
  };

  const request = file ? { routerId, interface: iface, csv: file.csv.text, sourceName: file.name, presharedKey: psk } : null;

  /** From the checked rows to the Preview step: the plan of every add (keys made in main, kept with it). */
  const toPlan = async () => {
    if (!request) return;
    setError(null);
    const outcome = await flow.preview({ kind: 'peer.import', input: request });
    if (!outcome.ok) setError(outcome.error);
  };

  /** Applies the previewed plan with progress here; refused or failed, the Preview step comes back saying why. */
  const apply = async () => {
    if (!request || step.step !== 'preview') return;
    const checked = step;
    setStep({ step: 'applying', progress: null, resuming: false });
    follow(null);
    const result = await flow.apply((planId) => invoke('peers:importApply', { ...request, planId }));
    if (result) {
      flow.back();
      finish(result);
      return;
    }
    unsubscribe.current?.();
    unsubscribe.current = null;
    setStep(checked);
    // Some parts may have gone through before one failed: the list and the resumable runs say what is there.
    onChanged();
    void loadJobs();
  };

  const resume = async (jobId: string) => {
    setError(null);
    setStep({ step: 'applying', progress: null, resuming: true });
    follow(jobId);
    try {
      finish(await invoke('peers:importResume', { routerId, jobId }));
    } catch (e) {
      unsubscribe.current?.();
      setError(toActionError(e));
      setStep({ step: 'choose' });
      void loadJobs();
    }
  };

  const cancelJob = async (jobId: string) => {
    setError(null);
    try {
      await invoke('peers:importCancel', { routerId, jobId });
      await loadJobs();
    } catch (e) {
      setError(toActionError(e));
    }
  };

  const busy = step.step === 'applying' || step.step === 'previewing';

  let footer;
  if (step.step === 'preview') {
    const valid = step.preview.valid;
    footer = (
      <>
        <Button onClick={() => setStep({ step: 'choose' })} data-testid="import-back">
          {t('import.back')}
        </Button>
        <span className="spacer" />
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="primary" icon={<Upload size={15} aria-hidden />} disabled={valid === 0 || !online} busy={flow.busy === 'previewing'} title={!online ? t('peers.offlineEdits') : undefined} onClick={() => void toPlan()} data-testid="import-apply">
          {t('import.apply', { count: valid, formatted: formatCount(valid, locale) })}
        </Button>
      </>
    );
  } else if (step.step === 'result') {
    footer = (
      <>
        <span className="spacer" />
        <Button variant="primary" onClick={onClose} data-testid="import-close">
          {t('common.close')}
        </Button>
      </>
    );
  } else {
    footer = (
      <>
        <span className="spacer" />
        <Button onClick={onClose} disabled={busy} data-testid="import-cancel">
          {t('common.cancel')}
        </Button>
        <Button variant="primary" icon={<FileUp size={15} aria-hidden />} onClick={() => void preview()} busy={step.step === 'previewing'} disabled={busy || !online} data-testid="import-preview">
          {t('import.check')}
        </Button>
      </>
    );
  }

  if (flow.plan && step.step === 'preview') {
    const count = flow.plan.diff.length;
    return (
      <ChangePreviewDialog
        title={t('import.previewTitle', { count, formatted: formatCount(count, locale), iface })}
        flow={flow}
        onBack={flow.back}
        onClose={onClose}
        onApply={() => void apply()}
        applyLabel={t('import.apply', { count, formatted: formatCount(count, locale) })}
        failedTitle={t('import.failed')}
        intro={count > PLAN_PART_SIZE ? <Banner tone="info" compact data-testid="import-parts">{t('import.parts', { size: PLAN_PART_SIZE })}</Banner> : null}
      />
    );
  }

  return (
    <Dialog title={t('import.title')} description={t('import.description')} onClose={onClose} busy={busy} size="xl" data-testid="import-dialog" footer={footer}>
      <div className="stack">
        {!online ? (
          <Banner tone="warn" compact title={t('peers.offlineEdits')}>
            {t('import.offlineBody')}
          </Banner>
        ) : null}
        {step.step === 'choose' || step.step === 'previewing' ? (
          <>
            {jobs && jobs.length > 0 ? <ResumableJobs jobs={jobs} online={online} onResume={(id) => void resume(id)} onCancel={(id) => void cancelJob(id)} /> : null}
            <div className="form-row">
              <Field id="import-interface" label={t('peerForm.interface')}>
                <select id="import-interface" className="select" value={iface} onChange={(e) => setIface(e.target.value)} data-testid="import-interface">
                  {interfaces.map((i) => (
                    <option key={i.id} value={i.name}>
                      {i.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="import-file" label={t('import.file')} error={fileError} hint={file ? t(file.csv.encoding === 'utf-8' ? 'import.readUtf8' : 'import.readCp1254', { name: file.name }) : t('import.fileHint')}>
                <input
                  {...fieldAria('import-file', fileError, true)}
                  type="file"
                  accept=".csv,text/csv,text/plain"
                  className="file-input"
                  onChange={(e) => void pick(e.target.files?.[0])}
                  data-testid="import-file"
                />
              </Field>
            </div>
            <div className="format-note">
              <p className="field-label">{t('import.formatTitle')}</p>
              <p className="muted small">{t('import.formatBody')}</p>
              <pre className="format-sample">{'name;address;dns;keepalive;comment\nali-phone;;1.1.1.1;25;Ali (sales)\nsube-izmir;10.10.0.40/32;;;Branch router'}</pre>
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={psk} onChange={(e) => setPsk(e.target.checked)} data-testid="import-psk" />
              <span>{t('import.psk')}</span>
            </label>
          </>
        ) : null}

        {step.step === 'preview' ? <PreviewStep preview={step.preview} fileName={file?.name ?? ''} iface={iface} onlyProblems={onlyProblems} setOnlyProblems={setOnlyProblems} /> : null}

        {step.step === 'applying' ? (
          <div className="stack" data-testid="import-running">
            <p>{step.resuming ? t('import.resuming') : t('import.applying', { iface })}</p>
            <ProgressBar
              done={step.progress?.done ?? 0}
              total={step.progress?.total ?? 0}
              label={
                step.progress
                  ? t('import.progress', { done: formatCount(step.progress.done, locale), total: formatCount(step.progress.total, locale), applied: step.progress.applied, failed: step.progress.failed, skipped: step.progress.skipped })
                  : t('import.starting')
              }
              data-testid="import-progress"
            />
          </div>
        ) : null}

        {step.step === 'result' ? <ResultStep result={step.result} online={online} onResume={(id) => void resume(id)} /> : null}

        {error ? <ActionErrorPanel error={error} failedTitle={t('import.failed')} data-testid="import-error" /> : null}
      </div>
    </Dialog>
  );
}

function ResumableJobs({ jobs, online, onResume, onCancel }: { jobs: readonly Job[]; online: boolean; onResume: (id: string) => void; onCancel: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(60_000);
  return (
    <Banner tone="warn" title={t('import.interruptedTitle', { count: jobs.length })} data-testid="import-jobs">
      <ul className="job-list">
        {jobs.map((job) => (
          <li key={job.jobId} data-testid={`import-job-${job.jobId}`}>
            <span className="job-text">
              <strong>{job.sourceName ?? t('import.unnamedFile')}</strong> → {job.interface} · {formatDateTime(job.createdAt, locale, now)}
              <span className="muted small">
                {' '}
                {t('import.jobCounts', { applied: job.counts.applied, pending: job.counts.pending, failed: job.counts.failed, skipped: job.counts.skipped })}
              </span>
            </span>
            <span className="job-actions">
              <Button size="sm" variant="primary" icon={<Play size={13} aria-hidden />} disabled={!online} onClick={() => onResume(job.jobId)} data-testid="import-job-resume">
                {t('import.resume')}
              </Button>
              <Button size="sm" variant="ghost" icon={<XCircle size={13} aria-hidden />} onClick={() => onCancel(job.jobId)} data-testid="import-job-cancel">
                {t('import.cancelJob')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('import.resumeNote')}</p>
    </Banner>
  );
}

function PreviewStep({ preview, fileName, iface, onlyProblems, setOnlyProblems }: { preview: Preview; fileName: string; iface: string; onlyProblems: boolean; setOnlyProblems: (v: boolean) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useMemo(() => (onlyProblems ? preview.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0) : preview.rows), [preview.rows, onlyProblems]);
  const columns = useMemo<Array<Column<PreviewRow>>>(
    () => [
      { id: 'row', header: t('import.row'), width: '64px', align: 'end', className: 'num', cell: (r) => r.rowNumber },
      { id: 'name', header: t('peers.name'), width: 'minmax(140px, 1fr)', cell: (r) => <span className="ellipsis" title={r.name}>{r.name || <span className="faint">{t('peers.unnamed')}</span>}</span> },
      { id: 'address', header: t('import.address'), width: '170px', className: 'mono', cell: (r) => (r.address ? <span className="ellipsis">{r.address}</span> : <span className="faint">—</span>) },
      {
        id: 'problems',
        header: t('import.problems'),
        width: 'minmax(240px, 2fr)',
        cell: (r) =>
          r.errors.length > 0 ? (
            <span className="danger-text ellipsis" title={r.errors.join(' ')} data-testid={`preview-error-${r.rowNumber}`}>
              {r.errors.join(' ')}
            </span>
          ) : r.warnings.length > 0 ? (
            <span className="warn-text ellipsis" title={r.warnings.join(' ')}>
              {r.warnings.join(' ')}
            </span>
          ) : (
            <StatusText tone="ok" label={t('import.ready')} />
          ),
      },
    ],
    [t],
  );
  return (
    <div className="stack" data-testid="import-preview-step">
      <Banner
        tone={preview.invalid > 0 ? 'warn' : 'ok'}
        compact
        title={t('import.previewSummary', { valid: formatCount(preview.valid, locale), invalid: formatCount(preview.invalid, locale), file: fileName, iface })}
        data-testid="import-preview-summary"
      >
        {preview.invalid > 0 ? t('import.invalidNote') : t('import.allValid')}
      </Banner>
      {preview.fileWarnings.length > 0 ? (
        <Banner tone="warn" compact>
          <ul className="checklist">
            {preview.fileWarnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} data-testid="import-only-problems" />
        <span>{t('import.onlyProblems')}</span>
      </label>
      <div className="dialog-table">
        <VirtualTable<PreviewRow, string>
          rows={rows}
          columns={columns}
          rowKey={(r) => String(r.rowNumber)}
          minWidth={600}
          aria-label={t('import.previewTable')}
          rowTestId={(r) => `preview-row-${r.rowNumber}`}
          rowClassName={(r) => (r.errors.length > 0 ? 'row-invalid' : undefined)}
          empty={t('import.noRows')}
          data-testid="import-preview-table"
        />
      </div>
    </div>
  );
}

const STATE_TONE = { applied: 'ok', failed: 'danger', skipped: 'neutral', pending: 'warn' } as const;
/** Rows that need attention first. */
const STATE_ORDER = { failed: 0, pending: 1, skipped: 2, applied: 3 } as const;

function ResultStep({ result, online, onResume }: { result: ImportResult; online: boolean; onResume: (jobId: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useMemo(() => [...result.rows].sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.rowNumber - b.rowNumber), [result.rows]);
  const columns = useMemo<Array<Column<ResultRow>>>(
    () => [
      { id: 'row', header: t('import.row'), width: '64px', align: 'end', className: 'num', cell: (r) => r.rowNumber },
      { id: 'state', header: t('peers.status'), width: '120px', cell: (r) => <StatusText tone={STATE_TONE[r.state]} label={t(`import.state.${r.state}`)} /> },
      { id: 'name', header: t('peers.name'), width: 'minmax(140px, 1fr)', cell: (r) => <span className="ellipsis">{r.name}</span> },
      { id: 'address', header: t('import.address'), width: '150px', className: 'mono', cell: (r) => r.address ?? <span className="faint">—</span> },
      { id: 'error', header: t('import.problems'), width: 'minmax(200px, 2fr)', cell: (r) => (r.error ? <span className="ellipsis" title={r.error}>{r.error}</span> : null) },
    ],
    [t],
  );
  const c = result.counts;
  return (
    <div className="stack" data-testid="import-result">
      {result.interruption ? (
        <Banner
          tone="warn"
          title={t('import.interrupted', { pending: formatCount(c.pending, locale) })}
          actions={
            <Button size="sm" variant="primary" icon={<RotateCw size={14} aria-hidden />} disabled={!online} title={!online ? t('peers.offlineEdits') : undefined} onClick={() => onResume(result.jobId)} data-testid="import-resume">
              {t('import.resume')}
            </Button>
          }
          data-testid="import-interrupted"
        >
          <p>{result.interruption.message}</p>
          <p className="muted small">{t('import.resumeNote')}</p>
        </Banner>
      ) : (
        <Banner tone={c.failed > 0 ? 'warn' : 'ok'} title={t('import.completed')} data-testid="import-completed" />
      )}
      <p className="import-counts" data-testid="import-counts">
        <StatusText tone="ok" label={t('import.countApplied', { count: c.applied, formatted: formatCount(c.applied, locale) })} />
        <StatusText tone="danger" label={t('import.countFailed', { count: c.failed, formatted: formatCount(c.failed, locale) })} />
        <StatusText tone="neutral" label={t('import.countSkipped', { count: c.skipped, formatted: formatCount(c.skipped, locale) })} />
        {c.pending > 0 ? <StatusText tone="warn" label={t('import.countPending', { count: c.pending, formatted: formatCount(c.pending, locale) })} /> : null}
      </p>
      <div className="dialog-table">
        <VirtualTable<ResultRow, string>
          rows={rows}
          columns={columns}
          rowKey={(r) => String(r.rowNumber)}
          minWidth={600}
          aria-label={t('import.resultTable')}
          rowTestId={(r) => `result-row-${r.rowNumber}`}
          data-testid="import-result-table"
        />
      </div>
    </div>
  );
}
