import type { Handler } from '../dispatch';
import type { Language } from '../contract';

/** Persisted user settings. The Electron shell stores them as JSON in the app's data folder. */
export interface SettingsStore {
  read(): Promise<{ language?: Language }>;
  update(patch: { language: Language }): Promise<void>;
}

/** Maps an OS or browser locale such as `de-AT` to the closest language Roster has, English otherwise. */
export function languageFromLocale(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function createSettingsHandlers(
  store: SettingsStore,
  systemLocale: () => string
): {
  'settings:getLanguage': Handler<'settings:getLanguage'>;
  'settings:setLanguage': Handler<'settings:setLanguage'>;
} {
  return {
    'settings:getLanguage': async () => {
      const saved = (await store.read()).language;
      if (saved !== undefined) {
        return { language: saved, source: 'saved' };
      }
      return { language: languageFromLocale(systemLocale()), source: 'system' };
    },

    'settings:setLanguage': async ({ language }, context) => {
      await store.update({ language });
      context.emit('settings:languageChanged', { language });
      return { language };
    }
  };
}
