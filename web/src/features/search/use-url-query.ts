import { useCallback, useEffect, useState } from 'react';
import { queryFromUrl, queryToUrl, type SearchQuery } from './search-query';

/** The search query kept in the page URL (?q=&range=…); back/forward restore earlier searches. */
export function useUrlQuery(): [SearchQuery, (query: SearchQuery) => void] {
  const [query, setQuery] = useState(() => queryFromUrl(window.location.search));

  useEffect(() => {
    const onPopState = () => setQuery(queryFromUrl(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const update = useCallback((next: SearchQuery) => {
    const search = queryToUrl(next);
    if (search !== window.location.search) {
      window.history.pushState(null, '', `${window.location.pathname}${search}`);
    }
    setQuery(next);
  }, []);

  return [query, update];
}
