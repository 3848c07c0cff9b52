// A dense, virtualised table: only the rows in view are in the DOM, so 10,000 peers scroll smoothly.
// Generic over the row type and column list so later features (selection, bulk actions) can reuse it.
import { useCallback, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';

export type SortDirection = 'asc' | 'desc';
export interface SortState<K extends string = string> {
  column: K;
  direction: SortDirection;
}

export interface Column<T, K extends string = string> {
  id: K;
  header: ReactNode;
  /** A CSS grid track: '120px', 'minmax(180px, 2fr)'. */
  width: string;
  align?: 'start' | 'end' | 'center';
  sortable?: boolean;
  cell: (row: T) => ReactNode;
  /** Extra class on every cell of this column (e.g. 'mono'). */
  className?: string;
  /** Stays at the right edge while the table scrolls sideways (a row's actions menu). */
  pinnedEnd?: boolean;
}

export interface VirtualTableProps<T, K extends string> {
  rows: readonly T[];
  columns: ReadonlyArray<Column<T, K>>;
  rowKey: (row: T) => string;
  sort?: SortState<K> | null;
  onSort?: (column: K) => void;
  rowHeight?: number;
  /** Below this width the table scrolls sideways instead of squeezing columns. */
  minWidth?: number;
  empty?: ReactNode;
  'aria-label': string;
  rowTestId?: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  'data-testid'?: string;
}

const HEADER_HEIGHT = 34;

export function VirtualTable<T, K extends string>({
  rows,
  columns,
  rowKey,
  sort,
  onSort,
  rowHeight = 34,
  minWidth = 900,
  empty,
  rowTestId,
  rowClassName,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: VirtualTableProps<T, K>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable between renders with the same rows: the virtualiser recomputes every row's position when this
  // function changes, which for 10,000 rows costs a few ms on each once-a-second clock tick.
  const getItemKey = useCallback((index: number) => rowKey(rows[index]!), [rows, rowKey]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    getItemKey,
  });
  const template = columns.map((c) => c.width).join(' ');
  const items = virtualizer.getVirtualItems();

  return (
    <div className="vtable" role="table" aria-label={ariaLabel} aria-rowcount={rows.length + 1} data-testid={testId}>
      <div className="vtable-scroll" ref={scrollRef} tabIndex={0}>
        <div className="vtable-inner" style={{ minWidth }}>
          <div className="vtable-header" role="rowgroup" style={{ height: HEADER_HEIGHT }}>
            <div className="vtable-row vtable-head-row" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
              {columns.map((column) => {
                const active = sort?.column === column.id;
                const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : column.sortable ? 'none' : undefined;
                return (
                  <div
                    key={column.id}
                    role="columnheader"
                    aria-sort={ariaSort}
                    className={`vtable-cell vtable-th align-${column.align ?? 'start'}${column.pinnedEnd ? ' pinned-end' : ''}`}
                    title={typeof column.header === 'string' ? column.header : undefined}
                  >
                    {column.sortable && onSort ? (
                      <button type="button" className={`sort-btn${active ? ' active' : ''}`} onClick={() => onSort(column.id)} data-testid={`sort-${column.id}`}>
                        <span className="ellipsis">{column.header}</span>
                        {active ? (
                          sort.direction === 'asc' ? <ArrowUp size={12} aria-hidden /> : <ArrowDown size={12} aria-hidden />
                        ) : (
                          <ChevronsUpDown size={12} className="sort-idle" aria-hidden />
                        )}
                      </button>
                    ) : (
                      <span className="ellipsis">{column.header}</span>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
          {rows.length === 0 ? (
            <div className="vtable-empty">{empty}</div>
          ) : (
            <div className="vtable-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const row = rows[item.index]!;
                const extra = rowClassName?.(row);
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className={`vtable-row${item.index % 2 === 1 ? ' odd' : ''}${extra ? ` ${extra}` : ''}`}
                    data-testid={rowTestId?.(row)}
                    style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                  >
                    {columns.map((column) => (
                      <div key={column.id} role="cell" className={`vtable-cell align-${column.align ?? 'start'}${column.className ? ` ${column.className}` : ''}${column.pinnedEnd ? ' pinned-end' : ''}`}>
                        {column.cell(row)}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
