// A determinate progress bar with its numbers in words beside it (never colour alone).
export function ProgressBar({ done, total, label, 'data-testid': testId }: { done: number; total: number; label: string; 'data-testid'?: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={label}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-label">{label}</span>
    </div>
  );
}
