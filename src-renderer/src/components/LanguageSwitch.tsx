import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../src-main/ipc/contract';
import { useSettings } from '../stores/context';

/** Renders two toggle buttons in a labelled group. Each names its language in that language, as is customary. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSettings((state) => state.language);
  const setLanguage = useSettings((state) => state.setLanguage);
  const saveError = useSettings((state) => state.saveError);

  return (
    <div className="language-switch">
      <div role="group" aria-label={t('language.label')} className="segmented">
        {LANGUAGES.map((option) => (
          <button
            key={option}
            type="button"
            lang={option}
            aria-pressed={language === option}
            className="segmented__option"
            onClick={() => void setLanguage(option)}
          >
            {t(`language.${option}`)}
          </button>
        ))}
      </div>
      {saveError !== null && (
        <p role="alert" className="language-switch__error">
          {t('language.saveFailed', { message: saveError.message })}
        </p>
      )}
    </div>
  );
}
