/**
 * The web UI's configuration: VITE_* variables read and validated once, at startup.
 *
 * VITE_API_BASE     prefix for API calls; '' (default) means the same origin as the page.
 * VITE_PAGE_SIZE    events per page (1..1000, default 100).
 * VITE_REFRESH_MS   auto-refresh period in milliseconds (1000..600000, default 5000).
 */
export interface AppEnv {
  readonly apiBase: string;
  readonly pageSize: number;
  readonly refreshMs: number;
}

type RawEnv = Readonly<Record<string, string | boolean | undefined>>;

function readString(raw: RawEnv, key: string): string | undefined {
  const value = raw[key];
  if (value === undefined || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new Error(`${key} must be a string, got ${String(value)}`);
  }
  return value.trim();
}

function readInt(raw: RawEnv, key: string, fallback: number, min: number, max: number): number {
  const text = readString(raw, key);
  if (text === undefined) {
    return fallback;
  }
  if (!/^\d+$/.test(text)) {
    throw new Error(`${key} must be a whole number, got '${text}'`);
  }
  const value = Number(text);
  if (value < min || value > max) {
    throw new Error(`${key} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function readApiBase(raw: RawEnv): string {
  const text = readString(raw, 'VITE_API_BASE') ?? '';
  if (text === '') {
    return '';
  }
  if (!/^(https?:\/\/[^/\s]+)?(\/[^\s?#]*)?$/.test(text)) {
    throw new Error(
      `VITE_API_BASE must be '' or an http(s) origin and/or an absolute path, got '${text}'`,
    );
  }
  return text.replace(/\/+$/, '');
}

/** Parses and validates the VITE_* variables; throws naming the bad variable and value. */
export function parseEnv(raw: RawEnv): AppEnv {
  return Object.freeze({
    apiBase: readApiBase(raw),
    pageSize: readInt(raw, 'VITE_PAGE_SIZE', 100, 1, 1000),
    refreshMs: readInt(raw, 'VITE_REFRESH_MS', 5000, 1000, 600_000),
  });
}

export const env: AppEnv = parseEnv(import.meta.env);
