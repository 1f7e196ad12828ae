import { useState } from 'react';
import { clearSession } from '../../shared/session/session-store';
import { logout } from './auth-api';

/** Ends the session on the server (best effort) and always locally. */
export function LogoutButton() {
  const [busy, setBusy] = useState(false);

  async function handleClick() {
    setBusy(true);
    try {
      await logout();
    } catch {
      // The token is dropped locally either way; a failed server call must not keep us signed in.
    } finally {
      clearSession();
    }
  }

  return (
    <button type="button" onClick={handleClick} disabled={busy}>
      Log out
    </button>
  );
}
