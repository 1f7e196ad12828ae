import { env } from '../../config/env';
import { clearSession, getSession } from '../session/session-store';

/** An API call that failed; title and detail come from the server's problem+json when present. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;

  constructor(status: number, title: string, detail: string | null) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** A 401 on an authenticated call: the session has been cleared, the app shows the login page. */
export class UnauthorizedError extends ApiError {
  constructor(title: string, detail: string | null) {
    super(401, title, detail);
    this.name = 'UnauthorizedError';
  }
}

export interface ApiRequest {
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  /** Send the session's bearer token and treat a 401 as "session over" (default true). */
  readonly authenticated?: boolean;
  readonly signal?: AbortSignal;
}

function resolveUrl(path: string): string {
  return new URL(env.apiBase + path, window.location.origin).toString();
}

async function readProblem(response: Response): Promise<{ title: string; detail: string | null }> {
  const fallback = { title: response.statusText || `HTTP ${response.status}`, detail: null };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    return fallback;
  }
  try {
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) {
      return fallback;
    }
    const record = body as Record<string, unknown>;
    return {
      title:
        typeof record.title === 'string' && record.title !== '' ? record.title : fallback.title,
      detail: typeof record.detail === 'string' && record.detail !== '' ? record.detail : null,
    };
  } catch {
    return fallback;
  }
}

/** Calls the LogMaster API and returns its JSON body (undefined for an empty body). */
export async function apiRequest<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const authenticated = request.authenticated ?? true;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const session = authenticated ? getSession() : null;
  if (session) {
    headers.Authorization = `Bearer ${session.token}`;
  }

  let response: Response;
  try {
    response = await fetch(resolveUrl(path), {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, 'Cannot reach the server', cause instanceof Error ? cause.message : null);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && authenticated) {
      clearSession();
      throw new UnauthorizedError(problem.title, problem.detail);
    }
    throw new ApiError(response.status, problem.title, problem.detail);
  }
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A file the API sent: its bytes and the name from Content-Disposition (or a fallback). */
export interface ApiFile {
  readonly blob: Blob;
  readonly fileName: string;
}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename="([^"/\\]+)"/.exec(disposition);
  return match?.[1] ?? fallback;
}

/**
 * GETs a file with the session's bearer token (so a plain link cannot be used) and returns it as
 * a Blob; errors as in {@link apiRequest}.
 */
export async function apiDownload(
  path: string,
  fallbackName: string,
  signal?: AbortSignal,
): Promise<ApiFile> {
  const headers: Record<string, string> = { Accept: 'application/zip, application/problem+json' };
  const session = getSession();
  if (session) {
    headers.Authorization = `Bearer ${session.token}`;
  }
  let response: Response;
  try {
    response = await fetch(resolveUrl(path), { headers, signal, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, 'Cannot reach the server', cause instanceof Error ? cause.message : null);
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401) {
      clearSession();
      throw new UnauthorizedError(problem.title, problem.detail);
    }
    throw new ApiError(response.status, problem.title, problem.detail);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response, fallbackName) };
}
