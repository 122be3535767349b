import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRIFT_PAGE_SIZE, type DriftChange, type DriftSide } from '../../stores/drift';
import { useDrift } from '../../stores/context';
import { ScreenHeader } from '../common/ScreenHeader';
import { SnapshotPicker, useSnapshotOptions } from '../common/SnapshotPicker';
import { EmptyPanel, LoadingPanel } from '../common/StatusPanels';
import { ErrorPanel } from '../ErrorPanel';
import { DriftTable } from './DriftTable';

const CHANGES: DriftChange[] = ['added', 'removed', 'changed'];
const SIDES: DriftSide[] = ['entra', 'sentry'];

function toggled<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
}

/** Compares two snapshots and lists what was added, removed or changed on each side. */
export function DriftScreen() {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const options = useSnapshotOptions();
  const fromId = useDrift((state) => state.fromId);
  const toId = useDrift((state) => state.toId);
  const status = useDrift((state) => state.status);
  const result = useDrift((state) => state.result);
  const error = useDrift((state) => state.error);
  const offset = useDrift((state) => state.offset);
  const sides = useDrift((state) => state.sides);
  const changes = useDrift((state) => state.changes);
  const setPair = useDrift((state) => state.setPair);
  const compare = useDrift((state) => state.compare);
  const [text, setText] = useState('');
  const numbers = new Intl.NumberFormat(i18n.language);
  const ready = fromId !== null && toId !== null && fromId !== toId;

  // Starts with the two newest snapshots, the comparison an auditor wants most often.
  const [newest, previous] = options;
  useEffect(() => {
    if (fromId === null && toId === null && newest !== undefined && previous !== undefined) setPair(previous.id, newest.id);
  }, [fromId, toId, newest, previous, setPair]);

  useEffect(() => {
    if (!ready) return;
    const timer = window.setTimeout(() => void compare({ text }), 250);
    return () => window.clearTimeout(timer);
  }, [ready, fromId, toId, text, compare]);

  return (
    <section className="screen" aria-labelledby="drift-heading" aria-busy={status === 'loading'}>
      <ScreenHeader id="drift-heading" title={t('drift.heading')} description={t('drift.description')} />
      <div className="toolbar toolbar--pickers">
        <SnapshotPicker label={t('drift.from')} value={fromId} onChange={(id) => setPair(id, toId)} options={options} />
        <span aria-hidden="true" className="toolbar__arrow">
          →
        </span>
        <SnapshotPicker label={t('drift.to')} value={toId} onChange={(id) => setPair(fromId, id)} options={options} />
      </div>

      {options.length < 2 && (
        <EmptyPanel id="drift-empty" title={t('drift.needTwoTitle')}>
          <p>{t('drift.needTwoBody')}</p>
        </EmptyPanel>
      )}
      {options.length >= 2 && !ready && <p className="panel panel--empty">{fromId !== null && fromId === toId ? t('drift.sameSnapshot') : t('drift.pickTwo')}</p>}

      {ready && (
        <div className="filter-bar">
          <label htmlFor={searchId} className="visually-hidden">
            {t('drift.search')}
          </label>
          <input id={searchId} type="search" placeholder={t('drift.search')} value={text} onChange={(event) => setText(event.target.value)} />
          <div role="group" aria-label={t('drift.changeLabel')} className="chip-group">
            {CHANGES.map((change) => (
              <button key={change} type="button" className="chip" aria-pressed={changes.includes(change)} onClick={() => void compare({ changes: toggled(changes, change) })}>
                {t(`drift.change.${change}`)}
                {result !== null && <span className="chip__count">{numbers.format(result.counts[change])}</span>}
              </button>
            ))}
          </div>
          <div role="group" aria-label={t('drift.sideLabel')} className="chip-group">
            {SIDES.map((side) => (
              <button key={side} type="button" className="chip" aria-pressed={sides.includes(side)} onClick={() => void compare({ sides: toggled(sides, side) })}>
                {t(`drift.side.${side}`)}
              </button>
            ))}
          </div>
        </div>
      )}
      {ready && status === 'loading' && result === null && <LoadingPanel text={t('drift.loading')} />}
      {ready && error !== null && <ErrorPanel title={t('drift.failed')} error={error} onRetry={() => void compare()} />}
      {ready && result !== null && result.total === 0 && <p className="panel panel--empty">{t('drift.none')}</p>}
      {ready && result !== null && result.total > 0 && (
        <>
          <p className="muted" role="status">
            {t('drift.total', { count: result.total, formatted: numbers.format(result.total) })}
          </p>
          <DriftTable rows={result.rows} />
          {result.total > DRIFT_PAGE_SIZE && (
            <div className="pager">
              <button type="button" className="button button--small" disabled={offset === 0} onClick={() => void compare({ offset: offset - DRIFT_PAGE_SIZE })}>
                {t('common.previous')}
              </button>
              <span>
                {t('common.range', {
                  from: numbers.format(offset + 1),
                  to: numbers.format(Math.min(offset + DRIFT_PAGE_SIZE, result.total)),
                  total: numbers.format(result.total)
                })}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={offset + DRIFT_PAGE_SIZE >= result.total}
                onClick={() => void compare({ offset: offset + DRIFT_PAGE_SIZE })}
              >
                {t('common.next')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
