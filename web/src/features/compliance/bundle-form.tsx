import { useState, type FormEvent } from 'react';
import { ApiError, UnauthorizedError } from '../../shared/api/api-client';
import { downloadBundle } from './compliance-api';

/** Hands a downloaded file to the browser as a download, then frees its object URL. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function describe(error: unknown): string | null {
  if (error instanceof UnauthorizedError) {
    return null; // the app is switching to the login page
  }
  if (error instanceof ApiError) {
    return error.detail ? `${error.title}: ${error.detail}` : error.title;
  }
  return error instanceof Error ? error.message : 'The download failed.';
}

/**
 * "Download bundle": a zip of the sealed days from..to (optionally one device) with manifests,
 * signatures, time stamps, certificates and a README on verifying them with OpenSSL alone.
 */
export function BundleForm() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [device, setDevice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    if (from === '' || to === '') {
      setError('Choose both dates.');
      return;
    }
    setBusy(true);
    try {
      const file = await downloadBundle({ from, to, device });
      saveFile(file.blob, file.fileName);
      setSaved(file.fileName);
    } catch (cause: unknown) {
      setError(describe(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bundle-form" aria-label="Auditor bundle" onSubmit={(e) => void submit(e)}>
      <h3 className="page-subtitle">Auditor bundle</h3>
      <label>
        From
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        To
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label>
        Device (optional)
        <input
          type="text"
          value={device}
          placeholder="all devices"
          onChange={(e) => setDevice(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Downloading…' : 'Download bundle'}
      </button>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {saved !== null && (
        <p className="form-note" role="status">
          Downloaded {saved}
        </p>
      )}
    </form>
  );
}
