// Settings: appearance, language, refresh and online threshold, notifications, how changes are applied
// (preview for single-peer changes, the router's own rollback delay); plus facts about this installation (version, data folder, keychain) that support asks for.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CircleAlert, Monitor, Moon, Sun } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings } from '../../../src/contract/index.ts';
import { errorMessage } from '../../lib/api.ts';
import { Banner } from '../../ui/Banner.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { fieldAria } from '../../ui/Field.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { StatusText } from '../../ui/StatusPill.tsx';
import { useSettings } from './store.ts';

type NumericKey = 'pollIntervalSec' | 'onlineThresholdSec' | 'rollbackDelaySec';

function Row({ label, description, children, htmlFor, labelId }: { label: ReactNode; description?: ReactNode; children: ReactNode; htmlFor?: string; labelId?: string }) {
  return (
    <div className="settings-row">
      <div className="settings-row-text">
        {htmlFor ? (
          <label className="settings-row-label" htmlFor={htmlFor} id={labelId}>
            {label}
          </label>
        ) : (
          <span className="settings-row-label" id={labelId}>
            {label}
          </span>
        )}
        {description ? <div className="settings-row-desc">{description}</div> : null}
      </div>
      <div className="settings-row-control">{children}</div>
    </div>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useSettings((s) => s.settings);
  const loadError = useSettings((s) => s.loadError);
  const update = useSettings((s) => s.update);
  const appInfo = useSettings((s) => s.appInfo);
  const appInfoError = useSettings((s) => s.appInfoError);
  const loadAppInfo = useSettings((s) => s.loadAppInfo);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void loadAppInfo();
  }, [loadAppInfo]);

  useEffect(() => {
    if (!saved) return;
    const id = window.setTimeout(() => setSaved(false), 1800);
    return () => window.clearTimeout(id);
  }, [saved]);

  const save = async (patch: Partial<Settings>) => {
    setSaveError(null);
    try {
      await update(patch);
      setSaved(true);
    } catch (error) {
      setSaveError(errorMessage(error));
    }
  };

  return (
    <div className="settings-page" data-testid="settings-screen">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
        <span className={`saved-note${saved ? ' visible' : ''}`} role="status" data-testid="settings-saved">
          {saved ? t('settings.saved') : ''}
        </span>
      </header>
      <div className="settings-body">
        {loadError ? (
          <Banner tone="danger" title={t('settings.loadFailed')}>
            {loadError}
          </Banner>
        ) : null}
        {saveError ? (
          <Banner tone="danger" title={t('settings.saveFailed')} data-testid="settings-error">
            {saveError}
          </Banner>
        ) : null}

        <section className="settings-section" aria-labelledby="settings-appearance">
          <h2 id="settings-appearance" className="section-title">
            {t('settings.appearance')}
          </h2>
          <Row label={t('settings.theme')} labelId="theme-label">
            <Segmented
              name="theme"
              aria-labelledby="theme-label"
              value={settings.theme}
              onChange={(theme) => void save({ theme })}
              options={[
                { value: 'system', label: <><Monitor size={14} aria-hidden />{t('settings.themeSystem')}</>, testId: 'theme-system' },
                { value: 'light', label: <><Sun size={14} aria-hidden />{t('settings.themeLight')}</>, testId: 'theme-light' },
                { value: 'dark', label: <><Moon size={14} aria-hidden />{t('settings.themeDark')}</>, testId: 'theme-dark' },
              ]}
            />
          </Row>
          <Row label={t('settings.language')} htmlFor="settings-language">
            <select id="settings-language" className="select settings-select" value={settings.language} onChange={(e) => void save({ language: e.target.value as Settings['language'] })} data-testid="settings-language">
              <option value="en">English</option>
              <option value="tr">Türkçe</option>
            </select>
          </Row>
        </section>

        <section className="settings-section" aria-labelledby="settings-monitoring">
          <h2 id="settings-monitoring" className="section-title">
            {t('settings.monitoring')}
          </h2>
          <NumberSetting settingKey="pollIntervalSec" value={settings.pollIntervalSec} label={t('settings.pollInterval')} description={t('settings.pollIntervalHelp')} onSave={save} />
          <NumberSetting settingKey="onlineThresholdSec" value={settings.onlineThresholdSec} label={t('settings.onlineThreshold')} description={t('settings.onlineThresholdHelp')} onSave={save} warnBelow={180} />
          <Row label={t('settings.notifications')} description={t('settings.notificationsHelp')} htmlFor="settings-notifications">
            <label className="switch">
              <input id="settings-notifications" type="checkbox" role="switch" checked={settings.notifications} onChange={(e) => void save({ notifications: e.target.checked })} data-testid="settings-notifications" />
              <span>{settings.notifications ? t('common.on') : t('common.off')}</span>
            </label>
          </Row>
        </section>

        <section className="settings-section" aria-labelledby="settings-changes">
          <h2 id="settings-changes" className="section-title">
            {t('settings.changes')}
          </h2>
          <Row label={t('settings.skipPreview')} description={t('settings.skipPreviewHelp')} htmlFor="settings-skip-preview">
            <label className="switch">
              <input
                id="settings-skip-preview"
                type="checkbox"
                role="switch"
                checked={settings.skipPreviewForSinglePeer}
                onChange={(e) => void save({ skipPreviewForSinglePeer: e.target.checked })}
                data-testid="settings-skip-preview"
              />
              <span>{settings.skipPreviewForSinglePeer ? t('common.on') : t('common.off')}</span>
            </label>
          </Row>
          <NumberSetting settingKey="rollbackDelaySec" value={settings.rollbackDelaySec} label={t('settings.rollbackDelay')} description={t('settings.rollbackDelayHelp')} onSave={save} />
        </section>

        <section className="settings-section" aria-labelledby="settings-about">
          <h2 id="settings-about" className="section-title">
            {t('settings.about')}
          </h2>
          {appInfoError ? <Banner tone="warn" compact>{appInfoError}</Banner> : null}
          <dl className="about-list" data-testid="app-info">
            <div>
              <dt>{t('settings.version')}</dt>
              <dd data-testid="app-version">{appInfo ? `WireDesk ${appInfo.version}` : '…'}</dd>
            </div>
            <div>
              <dt>{t('settings.platform')}</dt>
              <dd>{appInfo?.platform ?? '…'}</dd>
            </div>
            <div>
              <dt>{t('settings.dataDirectory')}</dt>
              <dd className="about-path">
                {appInfo ? (
                  <>
                    <code className="mono" data-testid="data-directory">
                      {appInfo.dataDirectory}
                    </code>
                    <CopyButton value={appInfo.dataDirectory} label={t('settings.copyPath')} />
                  </>
                ) : (
                  '…'
                )}
              </dd>
            </div>
            <div>
              <dt>{t('settings.keychain')}</dt>
              <dd data-testid="keychain-status">
                {appInfo ? (
                  appInfo.keychain.ok ? (
                    <StatusText tone="ok" label={t('settings.keychainOk')} />
                  ) : (
                    <div className="stack-tight">
                      <StatusText tone="warn" label={t('settings.keychainMissing')} />
                      <span className="muted small">{appInfo.keychain.message ?? t('connErr.keychain.body')}</span>
                    </div>
                  )
                ) : (
                  '…'
                )}
              </dd>
            </div>
          </dl>
        </section>
      </div>
    </div>
  );
}

function NumberSetting({
  settingKey,
  value,
  label,
  description,
  onSave,
  warnBelow,
}: {
  settingKey: NumericKey;
  value: number;
  label: string;
  description: string;
  onSave: (patch: Partial<Settings>) => Promise<void>;
  warnBelow?: number;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(value));
  const [editing, setEditing] = useState(false);
  const cancelRef = useRef(false);
  const shown = editing ? text : String(value);
  const id = `settings-${settingKey}`;

  const parsed = /^\d+$/.test(shown.trim()) ? Number(shown.trim()) : Number.NaN;
  const check = settingsSchema.shape[settingKey].safeParse(parsed);
  const error = check.success ? null : t(`settings.errors.${settingKey}`, { defaultValue: check.error.issues[0]?.message ?? '' });
  const warn = check.success && warnBelow !== undefined && parsed < warnBelow ? t('settings.thresholdLowWarning', { seconds: warnBelow }) : null;

  const commit = () => {
    setEditing(false);
    if (cancelRef.current) {
      cancelRef.current = false;
      return;
    }
    if (check.success && parsed !== value) void onSave({ [settingKey]: parsed } as Partial<Settings>);
  };

  return (
    <div className="settings-row">
      <div className="settings-row-text">
        <label className="settings-row-label" htmlFor={id}>
          {label}
        </label>
        <div className="settings-row-desc">{description}</div>
      </div>
      <div className="settings-row-control">
        <div className="number-with-unit">
          <input
            {...fieldAria(id, error, warn !== null)}
            className="input num"
            inputMode="numeric"
            value={shown}
            onFocus={() => {
              setText(String(value));
              setEditing(true);
            }}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
              if (e.key === 'Escape') {
                cancelRef.current = true;
                e.currentTarget.blur();
              }
            }}
            data-testid={id}
          />
          <span className="unit">{t('units.secondsShort')}</span>
        </div>
        {error ? (
          <div className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
            <CircleAlert size={13} aria-hidden />
            <span>{error}</span>
          </div>
        ) : warn ? (
          <div className="field-hint warn-text" id={`${id}-hint`}>
            {warn}
          </div>
        ) : null}
      </div>
    </div>
  );
}
