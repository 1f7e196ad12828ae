import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('uses same-origin defaults when nothing is set', () => {
    expect(parseEnv({})).toEqual({ apiBase: '', pageSize: 100, refreshMs: 5000 });
  });

  it('strips a trailing slash from the API base', () => {
    expect(parseEnv({ VITE_API_BASE: 'http://127.0.0.1:8080/' }).apiBase).toBe(
      'http://127.0.0.1:8080',
    );
    expect(parseEnv({ VITE_API_BASE: '/logmaster/' }).apiBase).toBe('/logmaster');
  });

  it('reads numbers within bounds', () => {
    const parsed = parseEnv({ VITE_PAGE_SIZE: '25', VITE_REFRESH_MS: '10000' });
    expect(parsed.pageSize).toBe(25);
    expect(parsed.refreshMs).toBe(10000);
  });

  it('rejects bad values naming the variable', () => {
    expect(() => parseEnv({ VITE_API_BASE: 'javascript:alert(1)' })).toThrow(/VITE_API_BASE/);
    expect(() => parseEnv({ VITE_PAGE_SIZE: 'ten' })).toThrow(/VITE_PAGE_SIZE.*'ten'/);
    expect(() => parseEnv({ VITE_PAGE_SIZE: '0' })).toThrow(/VITE_PAGE_SIZE/);
    expect(() => parseEnv({ VITE_REFRESH_MS: '50' })).toThrow(/VITE_REFRESH_MS/);
  });
});
