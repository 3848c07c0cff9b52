// User settings and app facts. Theme and language are applied as soon as settings arrive or change,
// whichever window changed them (settings:changed is pushed by main).
import { create } from 'zustand';
import { DEFAULT_SETTINGS, type AppInfo, type Settings } from '../../../src/contract/index.ts';
import { errorMessage, invoke, on } from '../../lib/api.ts';
import { applyTheme } from '../../lib/theme.ts';
import { setLanguage } from '../../i18n/index.ts';

export interface SettingsState {
  settings: Settings;
  loaded: boolean;
  loadError: string | null;
  appInfo: AppInfo | null;
  appInfoError: string | null;
  load: () => Promise<void>;
  loadAppInfo: () => Promise<void>;
  /** Saves a partial change; throws ApiError when main rejects it (the caller shows the message). */
  update: (patch: Partial<Settings>) => Promise<Settings>;
}

function apply(settings: Settings): void {
  applyTheme(settings.theme);
  void setLanguage(settings.language);
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  loadError: null,
  appInfo: null,
  appInfoError: null,

  async load() {
    try {
      const settings = await invoke('settings:get');
      apply(settings);
      set({ settings, loaded: true, loadError: null });
    } catch (error) {
      set({ loaded: true, loadError: errorMessage(error) });
    }
  },

  async loadAppInfo() {
    try {
      set({ appInfo: await invoke('app:info'), appInfoError: null });
    } catch (error) {
      set({ appInfoError: errorMessage(error) });
    }
  },

  async update(patch) {
    const settings = await invoke('settings:update', patch);
    apply(settings);
    set({ settings });
    return settings;
  },
}));

export function connectSettingsEvents(): () => void {
  return on('settings:changed', (settings) => {
    apply(settings);
    useSettings.setState({ settings });
  });
}

/** The poll interval in milliseconds, for screens that refresh read models. */
export function usePollIntervalMs(): number {
  return useSettings((s) => s.settings.pollIntervalSec) * 1000;
}
