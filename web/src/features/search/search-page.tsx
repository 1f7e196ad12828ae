import { useCallback, useEffect, useState } from 'react';
import { env } from '../../config/env';
import { ResultsTable } from './results-table';
import { SearchForm } from './search-form';
import { queryToUrl, type SearchQuery } from './search-query';
import { useEventSearch } from './use-event-search';
import { useUrlQuery } from './use-url-query';

function countLabel(total: number): string {
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'event' : 'events'}`;
}

/** Search form, result count, results table, "Load more" and auto-refresh. */
export function SearchPage() {
  const [query, setQuery] = useUrlQuery();
  const [runId, setRunId] = useState(0);
  const [autoRefresh, setAutoRefresh] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const search = useEventSearch(query, runId);
  const { refresh } = search;

  const handleSearch = useCallback(
    (next: SearchQuery) => {
      setQuery(next);
      setRunId((id) => id + 1);
      setExpanded(new Set());
    },
    [setQuery],
  );

  const toggle = useCallback((key: string) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) {
        next.add(key);
      }
      return next;
    });
  }, []);

  useEffect(() => {
    if (!autoRefresh) {
      return undefined;
    }
    const timer = window.setInterval(refresh, env.refreshMs);
    return () => window.clearInterval(timer);
  }, [autoRefresh, refresh]);

  return (
    <main className="search-page">
      {/* Remount the form when the URL query changes (back/forward) so its fields follow. */}
      <SearchForm key={queryToUrl(query)} initial={query} onSearch={handleSearch} />
      <div className="results-bar">
        <span className="results-count" aria-live="polite">
          {search.total === null ? (search.loading ? 'Searching…' : '') : countLabel(search.total)}
          {search.total !== null && search.events.length < search.total && (
            <span className="results-shown"> (showing {search.events.length})</span>
          )}
          {search.loading && search.total !== null && (
            <span className="results-shown"> · refreshing…</span>
          )}
        </span>
        <label className="auto-refresh">
          <input
            type="checkbox"
            checked={autoRefresh}
            onChange={(e) => setAutoRefresh(e.target.checked)}
          />
          Auto-refresh (every {Math.round(env.refreshMs / 1000)} s)
        </label>
      </div>
      {search.error !== null && (
        <p className="form-error" role="alert">
          {search.error}
        </p>
      )}
      {search.events.length > 0 && (
        <div className="results-scroll">
          <ResultsTable events={search.events} expanded={expanded} onToggle={toggle} />
        </div>
      )}
      {search.total === 0 && !search.loading && search.error === null && (
        <p className="empty-results">No events match this search.</p>
      )}
      {search.nextCursor !== null && (
        <div className="load-more">
          <button
            type="button"
            onClick={() => void search.loadMore()}
            disabled={search.loadingMore}
          >
            {search.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </main>
  );
}
