import { apiRequest } from '../../shared/api/api-client';
import type { Session } from '../../shared/session/session-store';

interface LoginResponse {
  token: string;
  expires_at?: string | null;
  username?: string;
  role?: string;
}

/** POST /api/v1/auth/login; resolves to the new session, rejects with ApiError (401 = bad login). */
export async function login(username: string, password: string): Promise<Session> {
  const body = await apiRequest<LoginResponse>('/api/v1/auth/login', {
    method: 'POST',
    body: { username, password },
    authenticated: false,
  });
  if (!body || typeof body.token !== 'string' || body.token === '') {
    throw new Error('The server answered the login without a token');
  }
  return {
    token: body.token,
    username: body.username ?? username,
    role: body.role ?? '',
    expiresAt: body.expires_at ?? null,
  };
}

/** POST /api/v1/auth/logout with the current token. */
export async function logout(): Promise<void> {
  await apiRequest<void>('/api/v1/auth/logout', { method: 'POST' });
}
