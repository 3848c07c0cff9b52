// User preferences, stored as JSON rows in SQLite and exposed exactly as the contract's Settings.
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../src/contract/index.ts';
import type { Db } from '../store/db.ts';
import { SettingsRepository, type JsonValue, type SettingsSpec } from '../store/settings.ts';
import type { EventBus } from '../ipc/events.ts';

interface StoredSettings extends Record<string, JsonValue> {
  theme: Settings['theme'];
  language: Settings['language'];
  pollIntervalSec: number;
  onlineThresholdSec: number;
  notifications: boolean;
  skipPreviewForSinglePeer: boolean;
  rollbackDelaySec: number;
  /** Id of the built-in demo router's profile, '' when there is none. */
  demoRouterId: string;
  /** The demo router is added once on first start; after the user removes it, it is not forced back. */
  demoOffered: boolean;
  /** Peers whose up/down changes raise desktop notifications: `routerId|interface|publicKey`. */
  watchedPeers: string[];
}

const fromSchema = <K extends keyof Settings>(key: K) => (value: unknown): value is StoredSettings[K] =>
  settingsSchema.shape[key].safeParse(value).success;

const SPEC: SettingsSpec<StoredSettings> = {
  theme: { default: DEFAULT_SETTINGS.theme, isValid: fromSchema('theme') },
  language: { default: DEFAULT_SETTINGS.language, isValid: fromSchema('language') },
  pollIntervalSec: { default: DEFAULT_SETTINGS.pollIntervalSec, isValid: fromSchema('pollIntervalSec') },
  onlineThresholdSec: { default: DEFAULT_SETTINGS.onlineThresholdSec, isValid: fromSchema('onlineThresholdSec') },
  notifications: { default: DEFAULT_SETTINGS.notifications },
  skipPreviewForSinglePeer: { default: DEFAULT_SETTINGS.skipPreviewForSinglePeer, isValid: fromSchema('skipPreviewForSinglePeer') },
  rollbackDelaySec: { default: DEFAULT_SETTINGS.rollbackDelaySec, isValid: fromSchema('rollbackDelaySec') },
  demoRouterId: { default: '' },
  demoOffered: { default: false },
  watchedPeers: { default: [], isValid: (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string') },
};

export class SettingsService {
  readonly #repo: SettingsRepository<StoredSettings>;
  readonly #events: EventBus;
  /** The preferences as last read or written: only update() changes them, and get() runs per monitor event. */
  #current: Settings | undefined;

  constructor(db: Db, events: EventBus) {
    this.#repo = new SettingsRepository(db, SPEC);
    this.#events = events;
  }

  get(): Settings {
    this.#current ??= {
      theme: this.#repo.get('theme'),
      language: this.#repo.get('language'),
      pollIntervalSec: this.#repo.get('pollIntervalSec'),
      onlineThresholdSec: this.#repo.get('onlineThresholdSec'),
      notifications: this.#repo.get('notifications'),
      skipPreviewForSinglePeer: this.#repo.get('skipPreviewForSinglePeer'),
      rollbackDelaySec: this.#repo.get('rollbackDelaySec'),
    };
    return { ...this.#current };
  }

  update(patch: Partial<Settings>): Settings {
    this.#current = undefined; // before writing: a write that throws half way must not leave a stale copy
    for (const [key, value] of Object.entries(patch) as [keyof Settings, Settings[keyof Settings]][]) {
      if (value !== undefined) this.#repo.set(key, value);
    }
    const next = this.get();
    this.#events.emit('settings:changed', next);
    return next;
  }

  /** Internal flags that are not user preferences. */
  get demoRouterId(): string | null {
    return this.#repo.get('demoRouterId') || null;
  }
  set demoRouterId(id: string | null) {
    this.#repo.set('demoRouterId', id ?? '');
    if (id) this.#repo.set('demoOffered', true);
  }
  get demoOffered(): boolean {
    return this.#repo.get('demoOffered');
  }

  get watchedPeers(): readonly string[] {
    return this.#repo.get('watchedPeers');
  }
  set watchedPeers(keys: readonly string[]) {
    this.#repo.set('watchedPeers', [...new Set(keys)]);
  }
}
