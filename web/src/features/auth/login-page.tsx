import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api/api-client';
import { setSession } from '../../shared/session/session-store';
import { login } from './auth-api';

function describeFailure(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) {
      return error.detail ?? 'Invalid username or password.';
    }
    return error.detail ? `${error.title}: ${error.detail}` : error.title;
  }
  return error instanceof Error ? error.message : 'Login failed.';
}

/** The sign-in form; on success the session is stored and the app switches to the search page. */
export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSession(await login(username, password));
    } catch (failure) {
      setError(describeFailure(failure));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <form className="login-form" onSubmit={handleSubmit} aria-labelledby="login-title">
        <h1 id="login-title">LogMaster</h1>
        <p className="login-subtitle">Sign in to search logs</p>
        <label htmlFor="login-username">Username</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error !== null && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
