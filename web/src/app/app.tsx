import { LoginPage, LogoutButton } from '../features/auth';
import { SearchPage } from '../features/search';
import { useSession } from '../shared/session/session-store';

/** The shell: the login page without a session, otherwise the header and the search page. */
export function App() {
  const session = useSession();
  if (session === null) {
    return <LoginPage />;
  }
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">LogMaster</span>
        <span className="app-user">
          {session.username}
          {session.role !== '' && <span className="app-role"> ({session.role})</span>}
        </span>
        <LogoutButton />
      </header>
      <SearchPage />
    </div>
  );
}
