import { badRequest } from './errors';

interface PageHook {
  pattern: RegExp;
  pageNumber: number;
  mutate: () => void;
  done: boolean;
}

/** Paging position: the offset into the live list and the number of the page to serve. */
interface Cursor {
  path: string;
  offset: number;
  page: number;
}

/** One page of a collection in Graph's shape. */
export interface PageBody<T> {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: T[];
}

/**
 * Serves collections page by page with opaque `$skiptoken` links.
 *
 * The token records only an offset into the live list, so a change between two page requests shifts
 * what the next page contains (an item can be skipped or served twice), as with a real cursor over changing data.
 */
export class Pager {
  pageSize = 100;
  private hooks: PageHook[] = [];

  constructor(private readonly graphUrl: string) {}

  setPageSize(size: number): void {
    if (!Number.isInteger(size) || size < 1 || size > 999) {
      throw new Error(`setPageSize: ${size} is not a page size Graph uses; pass an integer from 1 to 999.`);
    }
    this.pageSize = size;
  }

  /** Registers a one-shot mutation that runs right after page `pageNumber` (1-based) of a matching path is built. */
  afterPage(pattern: RegExp, pageNumber: number, mutate: () => void): void {
    if (!Number.isInteger(pageNumber) || pageNumber < 1) {
      throw new Error(`afterPage: page number ${pageNumber} is invalid; pages are numbered from 1.`);
    }
    this.hooks.push({ pattern, pageNumber, mutate, done: false });
  }

  /**
   * Builds the page that `rawQuery` requests from `items` (the whole, current list), rendering only that slice.
   * `path` is the request path without the query, e.g. `/v1.0/groups/{id}/members`; `render` returns null to drop an item.
   */
  page<T, R>(
    path: string,
    rawQuery: string,
    items: readonly T[],
    options: { top: number | null; context: string; withCount: boolean; render: (item: T) => R | null }
  ): PageBody<R> {
    const params = new URLSearchParams(rawQuery);
    const cursor = this.readCursor(params.get('$skiptoken'), path);
    const size = options.top ?? this.pageSize;
    const end = Math.min(cursor.offset + size, items.length);

    const value: R[] = [];
    for (const item of items.slice(cursor.offset, end)) {
      const rendered = options.render(item);
      if (rendered !== null) value.push(rendered);
    }
    const body: PageBody<R> = { '@odata.context': `${this.graphUrl}/v1.0/$metadata#${options.context}`, value };
    if (options.withCount && cursor.page === 1) body['@odata.count'] = items.length;
    if (end < items.length) {
      const token = Buffer.from(JSON.stringify({ path, offset: end, page: cursor.page + 1 } satisfies Cursor)).toString('base64url');
      body['@odata.nextLink'] = `${this.graphUrl}${path}?${keepQuery(rawQuery)}$skiptoken=${token}`;
    }

    this.runHooks(path, cursor.page);
    return body;
  }

  private readCursor(token: string | null, path: string): Cursor {
    if (token === null) return { path, offset: 0, page: 1 };
    let cursor: Partial<Cursor> = {};
    try {
      cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Cursor>;
    } catch {
      // Falls through to the check below, which rejects the token.
    }
    if (cursor.path !== path || typeof cursor.offset !== 'number' || typeof cursor.page !== 'number') {
      throw badRequest(`Invalid $skiptoken '${token}' for this request; follow the @odata.nextLink URL unchanged.`);
    }
    return { path, offset: cursor.offset, page: cursor.page };
  }

  private runHooks(path: string, page: number): void {
    for (const hook of this.hooks) {
      if (hook.done || hook.pageNumber !== page || !hook.pattern.test(path)) continue;
      hook.done = true;
      hook.mutate();
    }
  }
}

/** Returns the original query without `$skiptoken`, ending in `&` when not empty, so the new token can follow. */
function keepQuery(rawQuery: string): string {
  const kept = rawQuery
    .split('&')
    .filter((part) => part.length > 0 && !/^(\$|%24)skiptoken=/i.test(part));
  return kept.length > 0 ? `${kept.join('&')}&` : '';
}
