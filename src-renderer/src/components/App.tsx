import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../stores/context';
import { LanguageSwitch } from './LanguageSwitch';
import { SnapshotsScreen } from './SnapshotsScreen';

export function App() {
  const { t, i18n } = useTranslation();
  const language = useSettings((state) => state.language);

  // The settings store owns the choice, and i18next and the document follow it.
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  return (
    <div className="app">
      <header className="app-bar">
        <div className="app-bar__brand">
          <h1 className="app-bar__title">{t('app.title')}</h1>
          <p className="app-bar__tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="app-main">
        <SnapshotsScreen />
      </main>
    </div>
  );
}
