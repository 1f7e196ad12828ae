import { useCallback, useEffect, useRef, useState } from 'react';
import { env } from '../../config/env';
import { ApiError, UnauthorizedError } from '../../shared/api/api-client';
import type { EcsEvent } from './event-fields';
import { searchEvents } from './search-api';
import { queryToApiParams, type SearchQuery } from './search-query';

export interface EventSearchState {
  readonly events: readonly EcsEvent[];
  readonly total: number | null;
  readonly nextCursor: string | null;
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error: string | null;
}

const INITIAL: EventSearchState = {
  events: [],
  total: null,
  nextCursor: null,
  loading: false,
  loadingMore: false,
  error: null,
};

function describe(error: unknown): string | null {
  if (error instanceof DOMException && error.name === 'AbortError') {
    return null;
  }
  if (error instanceof UnauthorizedError) {
    return null; // the session is gone; the app is already switching to the login page
  }
  if (error instanceof ApiError) {
    if (error.status === 503) {
      return `Search is unavailable right now${error.detail ? `: ${error.detail}` : '.'}`;
    }
    return error.detail ? `${error.title}: ${error.detail}` : error.title;
  }
  return error instanceof Error ? error.message : 'Search failed.';
}

/**
 * Runs a search whenever `query` or `runId` changes, and offers the next page (cursor) and a
 * refresh of the first page. Stale responses are discarded.
 */
export function useEventSearch(query: SearchQuery, runId: number) {
  const [state, setState] = useState<EventSearchState>(INITIAL);
  const params = useRef<URLSearchParams | null>(null);
  const controller = useRef<AbortController | null>(null);
  const busy = useRef(false);

  const runFirstPage = useCallback(async (search: URLSearchParams, replacing: boolean) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    busy.current = true;
    setState((previous) => ({
      ...(replacing ? previous : INITIAL),
      loading: true,
      loadingMore: false,
      error: null,
    }));
    try {
      const page = await searchEvents(search, null, current.signal);
      if (!current.signal.aborted) {
        setState({
          ...INITIAL,
          events: page.events,
          total: page.total,
          nextCursor: page.nextCursor,
        });
      }
    } catch (error) {
      if (!current.signal.aborted) {
        setState((previous) => ({ ...previous, loading: false, error: describe(error) }));
      }
    } finally {
      if (controller.current === current) {
        busy.current = false;
      }
    }
  }, []);

  useEffect(() => {
    const search = queryToApiParams(query, env.pageSize);
    params.current = search;
    void runFirstPage(search, false);
    return () => controller.current?.abort();
  }, [query, runId, runFirstPage]);

  /** Re-runs the current query's first page, unless a request is still running. */
  const refresh = useCallback(() => {
    if (busy.current) {
      return;
    }
    const search = queryToApiParams(query, env.pageSize);
    params.current = search;
    void runFirstPage(search, true);
  }, [query, runFirstPage]);

  const loadMore = useCallback(async () => {
    const search = params.current;
    const cursor = state.nextCursor;
    if (busy.current || search === null || cursor === null) {
      return;
    }
    const current = new AbortController();
    controller.current = current;
    busy.current = true;
    setState((previous) => ({ ...previous, loadingMore: true, error: null }));
    try {
      const page = await searchEvents(search, cursor, current.signal);
      if (!current.signal.aborted) {
        setState((previous) => ({
          ...previous,
          events: [...previous.events, ...page.events],
          total: page.total,
          nextCursor: page.nextCursor,
          loadingMore: false,
        }));
      }
    } catch (error) {
      if (!current.signal.aborted) {
        setState((previous) => ({ ...previous, loadingMore: false, error: describe(error) }));
      }
    } finally {
      if (controller.current === current) {
        busy.current = false;
      }
    }
  }, [state.nextCursor]);

  return { ...state, refresh, loadMore };
}
