import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../src-main/ipc/contract';
import { de } from './de';
import { en } from './en';
import { reconcileDe, reconcileEn } from './reconcile';
import { importDe, importEn } from './import';

export const resources = { en: { translation: en, import: importEn, reconcile: reconcileEn }, de: { translation: de, import: importDe, reconcile: reconcileDe } } as const;

/** Creates the i18next instance for the app, starting in `language`. English fills any missing key. */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'de'],
    resources,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
    // Keeps i18next's advertisement out of the console, where tests treat messages as problems.
    showSupportNotice: false
  });
  return instance;
}

export type { Resources } from './en';
