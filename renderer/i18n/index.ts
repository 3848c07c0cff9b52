// i18next with the two bundled languages. The language comes from Settings; until they arrive, the last
// used one (remembered locally) avoids a flash of English for Turkish users.
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Settings } from '../../src/contract/index.ts';
import en from './en.json';
import tr from './tr.json';
import trafficEn from './traffic.en.json';
import trafficTr from './traffic.tr.json';
import configsEn from './configs.en.json';
import configsTr from './configs.tr.json';
import sitesEn from './sites.en.json';
import sitesTr from './sites.tr.json';
import changesEn from './changes.en.json';
import changesTr from './changes.tr.json';
import backupsEn from './backups.en.json';
import backupsTr from './backups.tr.json';
import doctorEn from './doctor.en.json';
import doctorTr from './doctor.tr.json';

export type Language = Settings['language'];
const LANGUAGE_KEY = 'wiredesk.language';

function cachedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    if (value === 'en' || value === 'tr') return value;
  } catch {
    // Storage unavailable: fall through.
  }
  return 'en';
}

export async function initI18n(): Promise<void> {
  const lng = cachedLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, tr: { translation: tr } },
    lng,
    fallbackLng: 'en',
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Ignore: only a start-up hint.
  }
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/** BCP 47 tag for Intl formatters. */
export function localeOf(language: string): string {
  return language === 'tr' ? 'tr-TR' : 'en-GB';
}

export { i18next };

/** The Intl locale of the current UI language (re-renders on language change). */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return localeOf(i18n.language);
}

// The Traffic screen's strings live in their own files; merged in as soon as i18next is set up.
i18next.on('initialized', () => {
  i18next.addResourceBundle('en', 'translation', trafficEn, true, false);
  i18next.addResourceBundle('tr', 'translation', trafficTr, true, false);
});

// The client-config dialogs' strings, merged in the same way.
i18next.on('initialized', () => {
  i18next.addResourceBundle('en', 'translation', configsEn, true, false);
  i18next.addResourceBundle('tr', 'translation', configsTr, true, false);
});

// The site-to-site dialog's strings, merged in the same way.
i18next.on('initialized', () => {
  i18next.addResourceBundle('en', 'translation', sitesEn, true, false);
  i18next.addResourceBundle('tr', 'translation', sitesTr, true, false);
});

// The change plans' strings (Preview step, reports, rollback banners), merged in the same way.
i18next.on('initialized', () => {
  i18next.addResourceBundle('en', 'translation', changesEn, true, false);
  i18next.addResourceBundle('tr', 'translation', changesTr, true, false);
});

// The Backups tab's strings, and the restore and undo dialogs', merged in the same way.
i18next.on('initialized', () => {
  i18next.addResourceBundle('en', 'translation', backupsEn, true, false);
  i18next.addResourceBundle('tr', 'translation', backupsTr, true, false);
});

// The connection doctor's strings, merged in the same way.
i18next.on('initialized', () => {
  i18next.addResourceBundle('en', 'translation', doctorEn, true, false);
  i18next.addResourceBundle('tr', 'translation', doctorTr, true, false);
});
