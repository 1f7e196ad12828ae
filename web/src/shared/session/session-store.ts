import { useSyncExternalStore } from 'react';

/** The signed-in user's session, kept in sessionStorage so it dies with the tab. */
export interface Session {
  readonly token: string;
  readonly username: string;
  readonly role: string;
  readonly expiresAt: string | null;
}

const STORAGE_KEY = 'logmaster.session';
const listeners = new Set<() => void>();

let cachedRaw: string | null | undefined;
let cachedSession: Session | null = null;

function parse(raw: string | null): Session | null {
  if (raw === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) {
      return null;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.token !== 'string' || record.token === '') {
      return null;
    }
    const expiresAt = typeof record.expiresAt === 'string' ? record.expiresAt : null;
    if (expiresAt !== null && Date.parse(expiresAt) <= Date.now()) {
      return null;
    }
    return {
      token: record.token,
      username: typeof record.username === 'string' ? record.username : '',
      role: typeof record.role === 'string' ? record.role : '',
      expiresAt,
    };
  } catch {
    return null;
  }
}

function readStorage(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function notify(): void {
  for (const listener of listeners) {
    listener();
  }
}

/** The current session, or null when signed out or expired. */
export function getSession(): Session | null {
  const raw = readStorage();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedSession = parse(raw);
  }
  return cachedSession;
}

export function setSession(session: Session): void {
  window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  notify();
}

export function clearSession(): void {
  window.sessionStorage.removeItem(STORAGE_KEY);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** React hook: re-renders when the session starts or ends (login, logout, any 401). */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}
