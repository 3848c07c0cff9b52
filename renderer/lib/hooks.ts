// Small React hooks shared by the feature screens.
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Runs `task` now and then `intervalMs` after each run finishes (never overlapping, so a slow router
 * cannot pile up requests). Restarts when `key` changes; `key === null` stops it. Pauses while the
 * window is hidden and catches up as soon as it is shown again.
 */
export function usePoll(key: string | null, task: () => Promise<unknown>, intervalMs: number): void {
  const taskRef = useRef(task);
  useEffect(() => {
    taskRef.current = task;
  });

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    let running = false;
    let timer: number | undefined;

    const schedule = () => {
      if (!cancelled) timer = window.setTimeout(run, intervalMs);
    };
    async function run(): Promise<void> {
      timer = undefined;
      if (cancelled || running) return;
      if (document.visibilityState === 'hidden') return; // picked up again by onVisibility
      running = true;
      try {
        await taskRef.current();
      } catch {
        // The task records its own errors in its store; polling simply goes on.
      } finally {
        running = false;
        schedule();
      }
    }
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && timer === undefined && !running) void run();
    };

    void run();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      cancelled = true;
      if (timer !== undefined) window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, intervalMs]);
}

/** The current time, refreshed every `intervalMs`, for "42 s ago" labels that keep ageing on screen. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/**
 * Ctrl+F (Cmd+F on macOS), or "/" when not typing, focuses and selects a screen's search box, as in a
 * browser or a mail client. Not while a dialog is open: the dialog's own fields come first.
 */
export function useFindShortcut(ref: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const input = ref.current;
      if (!input || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const target = event.target as HTMLElement | null;
      const typing = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      const find = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f';
      if (!find && !(event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey)) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ref]);
}
