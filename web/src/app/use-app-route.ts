import { useCallback, useEffect, useState } from 'react';

/** The app's pages; each has its own path, so a reload or a bookmark returns to it. */
export type AppRoute = 'search' | 'compliance';

const PATHS: Record<AppRoute, string> = { search: '/', compliance: '/compliance' };

export function routeFromPath(pathname: string): AppRoute {
  return pathname.replace(/\/+$/, '') === PATHS.compliance ? 'compliance' : 'search';
}

export function pathOf(route: AppRoute): string {
  return PATHS[route];
}

/** The current page from the URL path; back/forward switch pages too. */
export function useAppRoute(): [AppRoute, (route: AppRoute) => void] {
  const [route, setRoute] = useState(() => routeFromPath(window.location.pathname));

  useEffect(() => {
    const onPopState = () => setRoute(routeFromPath(window.location.pathname));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((next: AppRoute) => {
    if (routeFromPath(window.location.pathname) !== next) {
      window.history.pushState(null, '', PATHS[next]);
    }
    setRoute(next);
  }, []);

  return [route, navigate];
}
