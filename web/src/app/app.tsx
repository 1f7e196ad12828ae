import type { MouseEvent } from 'react';
import { LoginPage, LogoutButton } from '../features/auth';
import { CompliancePage, canSeeCompliance } from '../features/compliance';
import { SearchPage } from '../features/search';
import { useSession } from '../shared/session/session-store';
import { pathOf, useAppRoute, type AppRoute } from './use-app-route';

interface NavLinkProps {
  readonly to: AppRoute;
  readonly current: AppRoute;
  readonly onNavigate: (route: AppRoute) => void;
  readonly children: string;
}

function NavLink({ to, current, onNavigate, children }: NavLinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return; // let the browser open it in a new tab or window
    }
    event.preventDefault();
    onNavigate(to);
  }
  const active = to === current;
  return (
    <a
      href={pathOf(to)}
      className={active ? 'nav-link nav-link-active' : 'nav-link'}
      aria-current={active ? 'page' : undefined}
      onClick={handleClick}
    >
      {children}
    </a>
  );
}

/** The shell: the login page without a session, otherwise the header and the current page. */
export function App() {
  const session = useSession();
  const [route, navigate] = useAppRoute();
  if (session === null) {
    return <LoginPage />;
  }
  const compliance = canSeeCompliance(session.role);
  const page = route === 'compliance' && compliance ? 'compliance' : 'search';
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">LogMaster</span>
        {compliance && (
          <nav className="app-nav" aria-label="Main">
            <NavLink to="search" current={page} onNavigate={navigate}>
              Search
            </NavLink>
            <NavLink to="compliance" current={page} onNavigate={navigate}>
              Compliance
            </NavLink>
          </nav>
        )}
        <span className="app-user">
          {session.username}
          {session.role !== '' && <span className="app-role"> ({session.role})</span>}
        </span>
        <LogoutButton />
      </header>
      {page === 'compliance' ? <CompliancePage /> : <SearchPage />}
    </div>
  );
}
