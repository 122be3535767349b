import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rowAt, type FindingRow, type SortColumn } from '../../stores/audit';
import { useAudit } from '../../stores/context';

export const ROW_HEIGHT = 36;
const COLUMNS: SortColumn[] = ['severity', 'kind', 'entra', 'sentry', 'attribute'];

function entraLabel(row: FindingRow): string {
  const first = row.entra[0];
  if (first === undefined) return '';
  const name = first.displayName ?? first.userPrincipalName ?? first.id;
  return row.entra.length > 1 ? `${name} +${row.entra.length - 1}` : name;
}

function sentryLabel(row: FindingRow): string {
  const first = row.sentry[0];
  if (first === undefined) return '';
  const name = first.userName ?? first.slug ?? first.displayName ?? first.id;
  return row.sentry.length > 1 ? `${name} +${row.sentry.length - 1}` : name;
}

function Cells({ row }: { row: FindingRow }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="gridcell" className="grid__cell">
        <span className={`severity severity--${row.severity}`}>{t(`severity.${row.severity}`)}</span>
      </div>
      <div role="gridcell" className="grid__cell" title={row.kind}>
        {t(`kinds.${row.kind}`)}
      </div>
      <div role="gridcell" className="grid__cell">
        {entraLabel(row) || <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="grid__cell">
        {sentryLabel(row) || <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="grid__cell">
        {row.attribute === null ? <span className="muted">—</span> : <code>{row.attribute.name}</code>}
      </div>
    </>
  );
}

function SortHeader({ column }: { column: SortColumn }) {
  const { t } = useTranslation();
  const sort = useAudit((state) => state.sort);
  const setSort = useAudit((state) => state.setSort);
  const active = sort.column === column;
  const ascending = active && sort.direction === 'asc';
  let ariaSort: 'ascending' | 'descending' | 'none' = 'none';
  let mark = '';
  if (active) {
    ariaSort = ascending ? 'ascending' : 'descending';
    mark = ascending ? '▲' : '▼';
  }
  return (
    <div role="columnheader" className="grid__cell grid__header-cell" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => setSort({ column, direction: ascending ? 'desc' : 'asc' })}>
        {t(`findings.columns.${column}`)}
        <span aria-hidden="true" className="sort-button__mark">
          {mark}
        </span>
      </button>
    </div>
  );
}

/**
 * The findings list as a virtualized grid: only the rows in view (plus a few) are in the DOM, and rows
 * are fetched from main a page at a time as they scroll into view. The grid takes the keyboard focus
 * and moves its active row with the arrow keys, Page Up/Down, Home and End; Enter opens the detail.
 */
export function FindingsTable() {
  const { t, i18n } = useTranslation();
  const total = useAudit((state) => state.total) ?? 0;
  const pages = useAudit((state) => state.pages);
  const activeIndex = useAudit((state) => state.activeIndex);
  const detailId = useAudit((state) => state.detailId);
  const ensureRows = useAudit((state) => state.ensureRows);
  const setActive = useAudit((state) => state.setActive);
  const openDetail = useAudit((state) => state.openDetail);
  const closeDetail = useAudit((state) => state.closeDetail);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    ensureRows(first, last);
  }, [first, last, pages, ensureRows]);

  function moveTo(index: number): void {
    const target = Math.max(0, Math.min(index, total - 1));
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: total - 1
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      void openDetail(activeIndex);
    }
    if (event.key === 'Escape') closeDetail();
  }

  const numbers = new Intl.NumberFormat(i18n.language);

  return (
    <div
      className="grid findings-grid"
      role="grid"
      aria-label={t('findings.gridLabel', { count: total, formatted: numbers.format(total) })}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
    >
      <div role="rowgroup" className="grid__head">
        <div role="row" aria-rowindex={1} className="grid__row grid__row--head">
          {COLUMNS.map((column) => (
            <SortHeader key={column} column={column} />
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        className="grid__body"
        tabIndex={0}
        aria-activedescendant={total > 0 ? `finding-row-${activeIndex}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="findings-scroll"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt({ pages }, item.index);
            const classes = ['grid__row'];
            if (item.index === activeIndex) classes.push('is-active');
            if (row !== undefined && row.id === detailId) classes.push('is-open');
            return (
              <div
                key={item.key}
                id={`finding-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === activeIndex}
                className={classes.join(' ')}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  scrollRef.current?.focus();
                  void openDetail(item.index);
                }}
                data-finding-id={row?.id}
              >
                {row === undefined ? (
                  <div role="gridcell" className="grid__cell grid__cell--loading">
                    {t('findings.loadingRow')}
                  </div>
                ) : (
                  <Cells row={row} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
