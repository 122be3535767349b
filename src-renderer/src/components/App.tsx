import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation, useSettings } from '../stores/context';
import { ScreenView } from './ScreenView';
import { ShortcutHelp } from './shell/ShortcutHelp';
import { Sidebar } from './shell/Sidebar';
import { useGlobalShortcuts } from './shell/useGlobalShortcuts';

export function App() {
  const { i18n } = useTranslation();
  const language = useSettings((state) => state.language);
  const screen = useNavigation((state) => state.screen);
  useGlobalShortcuts();

  // The settings store owns the choice, and i18next and the document follow it.
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  return (
    <div className="app">
      <Sidebar />
      <main className="app-main" data-screen={screen}>
        <ScreenView screen={screen} />
      </main>
      <ShortcutHelp />
    </div>
  );
}
