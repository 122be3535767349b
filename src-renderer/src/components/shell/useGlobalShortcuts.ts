import { useEffect } from 'react';
import { SCREENS } from '../../stores/navigation';
import { useStores } from '../../stores/context';
import { isTyping } from './shortcuts';

/** Listens for the app-wide shortcuts: Ctrl/⌘ plus a digit switches screens, `?` opens the help. */
export function useGlobalShortcuts(): void {
  const { navigation } = useStores();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const chord = event.ctrlKey || event.metaKey;
      const index = Number.parseInt(event.key, 10) - 1;
      if (chord && !event.altKey && index >= 0 && index < SCREENS.length) {
        event.preventDefault();
        navigation.getState().go(SCREENS[index]!);
        return;
      }
      if (event.key === '?' && !chord && !isTyping(event.target)) {
        event.preventDefault();
        navigation.getState().setHelpOpen(true);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigation]);
}
