// Performance marks on the peers screen, read by bench/peers-render.bench.ts and visible in the DevTools
// Performance panel. Two measures, each ending after the browser painted the result (a timer queued from
// requestAnimationFrame runs once the frame is on screen):
// - PERF.firstRows: from a peers answer arriving in the renderer to its rows painted in the table;
// - PERF.filter: from a keystroke in the search box to the filtered rows painted.
// performance.mark costs about a microsecond, so the marks stay in production builds.

export const PERF = {
  dataMark: 'wd:peers-data',
  committedMark: 'wd:peers-rows-committed',
  rowsMark: 'wd:peers-rows-painted',
  firstRows: 'wd:peers-first-rows',
  inputMark: 'wd:filter-input',
  filterMark: 'wd:filter-painted',
  filter: 'wd:filter',
} as const;

let awaitingRows = false;
let awaitingFilter = false;

/** Runs `task` after the next frame has been painted. */
export function afterPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}

function measureAfterPaint(endMark: string, measure: string, startMark: string): void {
  afterPaint(() => {
    try {
      performance.mark(endMark);
      performance.measure(measure, startMark, endMark);
    } catch {
      // The start mark was cleared meanwhile (the benchmark clears between runs): nothing to measure.
    }
  });
}

/** A peers answer arrived (called by the store before React sees it). */
export function markPeersData(): void {
  performance.mark(PERF.dataMark);
  awaitingRows = true;
}

/** The table committed rows; measured once per answer, after the paint. */
export function markRowsCommitted(): void {
  if (!awaitingRows) return;
  awaitingRows = false;
  performance.mark(PERF.committedMark);
  measureAfterPaint(PERF.rowsMark, PERF.firstRows, PERF.dataMark);
}

/** A keystroke changed the search text. */
export function markFilterInput(): void {
  performance.mark(PERF.inputMark);
  awaitingFilter = true;
}

/** The filtered rows for the latest search text were committed. */
export function markFilterApplied(): void {
  if (!awaitingFilter) return;
  awaitingFilter = false;
  measureAfterPaint(PERF.filterMark, PERF.filter, PERF.inputMark);
}
