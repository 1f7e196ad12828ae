import { describe, expect, it } from 'vitest';
import { clearSession, getSession, setSession } from './session-store';

describe('session store', () => {
  it('keeps the session in sessionStorage', () => {
    setSession({
      token: 't1',
      username: 'ana',
      role: 'analyst',
      expiresAt: '2999-01-01T00:00:00Z',
    });
    expect(getSession()).toEqual({
      token: 't1',
      username: 'ana',
      role: 'analyst',
      expiresAt: '2999-01-01T00:00:00Z',
    });
    clearSession();
    expect(getSession()).toBeNull();
    expect(window.sessionStorage.length).toBe(0);
  });

  it('ignores an expired or malformed stored session', () => {
    window.sessionStorage.setItem(
      'logmaster.session',
      JSON.stringify({ token: 't', expiresAt: '2000-01-01T00:00:00Z' }),
    );
    expect(getSession()).toBeNull();
    window.sessionStorage.setItem('logmaster.session', '{not json');
    expect(getSession()).toBeNull();
    window.sessionStorage.setItem('logmaster.session', JSON.stringify({ token: 42 }));
    expect(getSession()).toBeNull();
  });
});
