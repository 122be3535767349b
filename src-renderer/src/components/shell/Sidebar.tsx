import { useTranslation } from 'react-i18next';
import { SCREENS } from '../../stores/navigation';
import { useNavigation } from '../../stores/context';
import { LanguageSwitch } from '../LanguageSwitch';
import { shortcutLabel } from './shortcuts';

/** The app's navigation: one entry per screen, then the language switch and the shortcut help. */
export function Sidebar() {
  const { t } = useTranslation();
  const screen = useNavigation((state) => state.screen);
  const go = useNavigation((state) => state.go);
  const setHelpOpen = useNavigation((state) => state.setHelpOpen);

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar__brand">
        <h1 className="sidebar__title">{t('app.title')}</h1>
        <p className="sidebar__tagline">{t('app.tagline')}</p>
      </div>
      <ul className="sidebar__list">
        {SCREENS.map((entry, index) => (
          <li key={entry}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={screen === entry ? 'page' : undefined}
              onClick={() => go(entry)}
            >
              <span>{t(`nav.${entry}`)}</span>
              <kbd className="sidebar__key">{shortcutLabel(String(index + 1), t('help.keyNames.control'))}</kbd>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar__footer">
        <LanguageSwitch />
        <button type="button" className="button button--quiet" onClick={() => setHelpOpen(true)} aria-keyshortcuts="Shift+?">
          {t('help.open')}
        </button>
      </div>
    </nav>
  );
}
