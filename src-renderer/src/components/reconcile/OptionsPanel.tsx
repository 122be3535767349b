import { useTranslation } from 'react-i18next';
import { TOGGLES } from '../../stores/reconcile';
import { useReconcile } from './context';

/** Shows the three toggles, each off by default and each with its own confirmation once it is on. */
export function OptionsPanel() {
  const { t } = useTranslation('reconcile');
  const options = useReconcile((state) => state.options);
  const confirmed = useReconcile((state) => state.confirmed);
  const setToggle = useReconcile((state) => state.setToggle);
  const confirm = useReconcile((state) => state.confirm);

  return (
    <fieldset className="reconcile-options">
      <legend>{t('options.heading')}</legend>
      <p className="muted">{t('options.hint')}</p>
      {TOGGLES.map((name) => (
        <div key={name} className="reconcile-option">
          <label>
            <input type="checkbox" checked={options[name]} onChange={(event) => setToggle(name, event.target.checked)} /> {t(`options.${name}`)}
          </label>
          {options[name] && (
            <label className="reconcile-option__confirm">
              <input type="checkbox" checked={confirmed[name]} onChange={(event) => confirm(name, event.target.checked)} /> {t(`options.${name}Confirm`)}
            </label>
          )}
        </div>
      ))}
    </fieldset>
  );
}
