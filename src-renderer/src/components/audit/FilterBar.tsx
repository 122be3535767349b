import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_KINDS, SEVERITIES, type FindingKind, type Severity } from '../../../../src-main/model/finding';
import { useAudit } from '../../stores/context';
import { isTyping } from '../shell/shortcuts';

const TEXT_DELAY_MS = 250;

/** Filters for the findings list: free text, severities as toggles, and one kind. `/` focuses the text field. */
export function FilterBar() {
  const { t, i18n } = useTranslation();
  const textId = useId();
  const kindId = useId();
  const filter = useAudit((state) => state.filter);
  const summary = useAudit((state) => state.summary);
  const total = useAudit((state) => state.total);
  const setFilter = useAudit((state) => state.setFilter);
  const [text, setText] = useState(filter.text);
  const input = useRef<HTMLInputElement>(null);
  const numbers = new Intl.NumberFormat(i18n.language);

  // Typing waits a moment before asking main, so 100,000 rows are not filtered on every key.
  useEffect(() => {
    if (text === filter.text) return;
    const timer = window.setTimeout(() => setFilter({ text }), TEXT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, filter.text, setFilter]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        input.current?.focus();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  function toggleSeverity(severity: Severity): void {
    const has = filter.severities.includes(severity);
    setFilter({ severities: has ? filter.severities.filter((entry) => entry !== severity) : [...filter.severities, severity] });
  }

  const kindCounts = summary?.countsByKind ?? {};
  const filtered = filter.text !== '' || filter.kinds.length > 0 || filter.severities.length > 0;

  return (
    <div className="filter-bar" role="search" aria-label={t('findings.filters')}>
      <div className="field field--inline">
        <label htmlFor={textId} className="visually-hidden">
          {t('findings.search')}
        </label>
        <input
          id={textId}
          ref={input}
          type="search"
          className="filter-bar__text"
          placeholder={t('findings.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-keyshortcuts="/"
        />
      </div>
      <div role="group" aria-label={t('findings.columns.severity')} className="chip-group">
        {SEVERITIES.map((severity) => (
          <button
            key={severity}
            type="button"
            className={`chip chip--${severity}`}
            aria-pressed={filter.severities.includes(severity)}
            onClick={() => toggleSeverity(severity)}
          >
            {t(`severity.${severity}`)}
            <span className="chip__count">{numbers.format(summary?.countsBySeverity[severity] ?? 0)}</span>
          </button>
        ))}
      </div>
      <div className="field field--inline">
        <label htmlFor={kindId} className="visually-hidden">
          {t('findings.columns.kind')}
        </label>
        <select
          id={kindId}
          value={filter.kinds[0] ?? ''}
          onChange={(event) => setFilter({ kinds: event.target.value === '' ? [] : [event.target.value as FindingKind] })}
        >
          <option value="">{t('findings.allKinds')}</option>
          {FINDING_KINDS.filter((kind) => (kindCounts[kind] ?? 0) > 0 || filter.kinds.includes(kind)).map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)} ({numbers.format(kindCounts[kind] ?? 0)})
            </option>
          ))}
        </select>
      </div>
      <p className="filter-bar__count" role="status" aria-live="polite">
        {total !== null && filtered && t('findings.matching', { count: total, formatted: numbers.format(total) })}
      </p>
      {filtered && (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            setText('');
            setFilter({ text: '', kinds: [], severities: [] });
          }}
        >
          {t('findings.clearFilters')}
        </button>
      )}
    </div>
  );
}
