// Applies the theme preference to <html>: no attribute means "follow the OS" (see styles/theme.css).
import type { Settings } from '../../src/contract/index.ts';

const THEME_KEY = 'wiredesk.theme';

export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    // Remembered only so the next start paints in the right colours before settings arrive from main.
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage can be unavailable; the theme then follows the OS until settings load.
  }
}

export function applyCachedTheme(): void {
  try {
    const cached = localStorage.getItem(THEME_KEY);
    if (cached === 'light' || cached === 'dark') document.documentElement.dataset.theme = cached;
  } catch {
    // Ignore: see applyTheme.
  }
}
