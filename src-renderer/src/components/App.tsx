import { useEffect, useRef } from 'react';
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
  const shownScreen = useRef(screen);

  // A screen switch moves focus to the new screen's heading, so keyboard and screen reader users start there.
  useEffect(() => {
    if (shownScreen.current === screen) return;
    shownScreen.current = screen;
    document.querySelector<HTMLElement>('main h2')?.focus({ preventScroll: true });
  }, [screen]);

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
