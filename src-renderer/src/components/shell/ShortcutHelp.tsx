import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENS } from '../../stores/navigation';
import { useNavigation } from '../../stores/context';
import { shortcutLabel } from './shortcuts';

const TABLE_KEYS = ['arrows', 'homeEnd', 'enter', 'filter', 'escape'] as const;

/** Renders a modal dialog that lists every keyboard shortcut. Esc or the close button dismisses it. */
export function ShortcutHelp() {
  const open = useNavigation((state) => state.helpOpen);
  const setHelpOpen = useNavigation((state) => state.setHelpOpen);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="help-title" onClose={() => setHelpOpen(false)}>
      {open && <ShortcutList />}
    </dialog>
  );
}

/** Renders the dialog's content. The dialog mounts it only while open, so its table stays out of the page otherwise. */
function ShortcutList() {
  const { t } = useTranslation();
  const setHelpOpen = useNavigation((state) => state.setHelpOpen);
  return (
    <>
      <h2 id="help-title" className="dialog__title">
        {t('help.title')}
      </h2>
      <table className="table table--compact shortcut-table">
        <tbody>
          {SCREENS.map((screen, index) => (
            <tr key={screen}>
              <td>
                <kbd>{shortcutLabel(String(index + 1), t('help.keyNames.control'))}</kbd>
              </td>
              <td>{t('help.goTo', { screen: t(`nav.${screen}`) })}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>?</kbd>
            </td>
            <td>{t('help.keys.help')}</td>
          </tr>
          {TABLE_KEYS.map((key) => (
            <tr key={key}>
              <td>
                <kbd>{t(`help.keyNames.${key}`)}</kbd>
              </td>
              <td>{t(`help.keys.${key}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={() => setHelpOpen(false)} autoFocus>
          {t('help.close')}
        </button>
      </div>
    </>
  );
}
