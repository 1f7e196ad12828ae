import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../test/server';
import { getSession, setSession } from '../session/session-store';
import { ApiError, UnauthorizedError, apiRequest } from './api-client';

describe('apiRequest', () => {
  it('sends the bearer token and JSON body, and returns the JSON answer', async () => {
    setSession({ token: 'abc', username: 'u', role: 'r', expiresAt: null });
    let seen: { auth: string | null; type: string | null; body: unknown } | undefined;
    server.use(
      http.post('*/api/v1/thing', async ({ request }) => {
        seen = {
          auth: request.headers.get('authorization'),
          type: request.headers.get('content-type'),
          body: await request.json(),
        };
        return HttpResponse.json({ ok: 1 });
      }),
    );

    await expect(apiRequest('/api/v1/thing', { method: 'POST', body: { a: 1 } })).resolves.toEqual({
      ok: 1,
    });
    expect(seen).toEqual({ auth: 'Bearer abc', type: 'application/json', body: { a: 1 } });
  });

  it('turns problem+json into an ApiError with title, detail and status', async () => {
    server.use(
      http.get('*/api/v1/thing', () =>
        HttpResponse.json(
          { title: 'Service Unavailable', detail: 'Elasticsearch is down', status: 503 },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );

    const error = await apiRequest('/api/v1/thing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      detail: 'Elasticsearch is down',
    });
  });

  it('copes with an error that has no JSON body', async () => {
    server.use(
      http.get(
        '*/api/v1/thing',
        () => new HttpResponse('<html>proxy error</html>', { status: 502 }),
      ),
    );

    const error = await apiRequest('/api/v1/thing').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, detail: null });
    expect((error as ApiError).title).not.toContain('<html>');
  });

  it('clears the session on a 401 of an authenticated call', async () => {
    setSession({ token: 'old', username: 'u', role: 'r', expiresAt: null });
    server.use(http.get('*/api/v1/thing', () => new HttpResponse(null, { status: 401 })));

    await expect(apiRequest('/api/v1/thing')).rejects.toBeInstanceOf(UnauthorizedError);
    expect(getSession()).toBeNull();
  });

  it('keeps the session on a 401 of an unauthenticated call (login)', async () => {
    setSession({ token: 'keep', username: 'u', role: 'r', expiresAt: null });
    server.use(http.post('*/api/v1/auth/login', () => new HttpResponse(null, { status: 401 })));

    const error = await apiRequest('/api/v1/auth/login', {
      method: 'POST',
      body: {},
      authenticated: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(UnauthorizedError);
    expect(getSession()?.token).toBe('keep');
  });

  it('reports an unreachable server as status 0', async () => {
    server.use(http.get('*/api/v1/thing', () => HttpResponse.error()));

    await expect(apiRequest('/api/v1/thing')).rejects.toMatchObject({
      status: 0,
      title: 'Cannot reach the server',
    });
  });
});
