import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setSession } from '../shared/session/session-store';
import { sampleEvent } from '../test/events';
import { server } from '../test/server';
import { App } from './app';

const problem = (status: number, title: string, detail: string) =>
  HttpResponse.json(
    { title, detail, status },
    {
      status,
      headers: { 'Content-Type': 'application/problem+json' },
    },
  );

function signIn(token = 'tok-1') {
  setSession({ token, username: 'ana', role: 'analyst', expiresAt: null });
}

describe('App', () => {
  it('logs in, keeps the token in sessionStorage and shows the search page', async () => {
    let loginBody: unknown;
    let authHeader: string | null = null;
    server.use(
      http.post('*/api/v1/auth/login', async ({ request }) => {
        loginBody = await request.json();
        return HttpResponse.json({
          token: 'secret-token',
          expires_at: '2999-01-01T00:00:00Z',
          username: 'ana',
          role: 'analyst',
        });
      }),
      http.get('*/api/v1/events', ({ request }) => {
        authHeader = request.headers.get('authorization');
        return HttpResponse.json({ total: 1, events: [sampleEvent('e1')], next_cursor: null });
      }),
    );
    const user = userEvent.setup();
    render(<App />);

    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'pw{Enter}');

    expect(await screen.findByText('1 event')).toBeInTheDocument();
    expect(loginBody).toEqual({ username: 'ana', password: 'pw' });
    expect(authHeader).toBe('Bearer secret-token');
    expect(window.sessionStorage.getItem('logmaster.session')).toContain('secret-token');
    expect(screen.getByText('ana')).toBeInTheDocument();
  });

  it('shows the server detail on a 401 login and stays on the login page', async () => {
    server.use(
      http.post('*/api/v1/auth/login', () =>
        problem(401, 'Unauthorized', 'Bad username or password'),
      ),
    );
    const user = userEvent.setup();
    render(<App />);

    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Bad username or password');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(window.sessionStorage.getItem('logmaster.session')).toBeNull();
  });

  it('returns to the login page when a search answers 401', async () => {
    signIn('expired');
    server.use(http.get('*/api/v1/events', () => problem(401, 'Unauthorized', 'Token expired')));
    render(<App />);

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(window.sessionStorage.getItem('logmaster.session')).toBeNull();
  });

  it('logs out with the bearer token and shows the login page', async () => {
    signIn('tok-logout');
    let logoutAuth: string | null = null;
    server.use(
      http.get('*/api/v1/events', () =>
        HttpResponse.json({ total: 0, events: [], next_cursor: null }),
      ),
      http.post('*/api/v1/auth/logout', ({ request }) => {
        logoutAuth = request.headers.get('authorization');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('0 events');

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(logoutAuth).toBe('Bearer tok-logout');
    expect(window.sessionStorage.getItem('logmaster.session')).toBeNull();
  });

  it('logs out locally even when the server cannot be reached', async () => {
    signIn();
    server.use(
      http.get('*/api/v1/events', () =>
        HttpResponse.json({ total: 0, events: [], next_cursor: null }),
      ),
      http.post('*/api/v1/auth/logout', () => HttpResponse.error()),
    );
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('0 events');

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    await waitFor(() => expect(screen.getByLabelText('Username')).toBeInTheDocument());
  });
  it('shows the Compliance link to admins and auditors, and opens the seal status page', async () => {
    setSession({ token: 'tok-admin', username: 'root', role: 'admin', expiresAt: null });
    let complianceAuth: string | null = null;
    server.use(
      http.get('*/api/v1/events', () =>
        HttpResponse.json({ total: 0, events: [], next_cursor: null }),
      ),
      http.get('*/api/v1/compliance/days', ({ request }) => {
        complianceAuth = request.headers.get('authorization');
        return HttpResponse.json({ days: [{ day: '2026-12-01', state: 'unsealed' }] });
      }),
    );
    const user = userEvent.setup();
    render(<App />);
    await screen.findByText('0 events');

    await user.click(screen.getByRole('link', { name: 'Compliance' }));

    expect(await screen.findByText('unsealed')).toHaveClass('state-unsealed');
    expect(complianceAuth).toBe('Bearer tok-admin');
    expect(window.location.pathname).toBe('/compliance');
    expect(screen.getByRole('link', { name: 'Compliance' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.click(screen.getByRole('link', { name: 'Search' }));
    expect(await screen.findByText('0 events')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
  });

  it('opens the compliance page from its URL for an auditor', async () => {
    window.history.replaceState(null, '', '/compliance');
    setSession({ token: 'tok-aud', username: 'aud', role: 'auditor', expiresAt: null });
    server.use(http.get('*/api/v1/compliance/days', () => HttpResponse.json({ days: [] })));
    render(<App />);

    expect(await screen.findByText('No days to show yet.')).toBeInTheDocument();
  });

  it('hides the Compliance link from analysts and shows them search even on /compliance', async () => {
    window.history.replaceState(null, '', '/compliance');
    signIn();
    server.use(
      http.get('*/api/v1/events', () =>
        HttpResponse.json({ total: 0, events: [], next_cursor: null }),
      ),
    );
    render(<App />);

    expect(await screen.findByText('0 events')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Compliance' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});
