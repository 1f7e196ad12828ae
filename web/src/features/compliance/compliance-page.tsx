import { useCallback, useEffect, useState } from 'react';
import { ApiError, UnauthorizedError } from '../../shared/api/api-client';
import { visibleText } from '../../shared/text/visible-text';
import { fetchComplianceDays, type ComplianceDay } from './compliance-api';
import { BundleForm } from './bundle-form';
import { DayStateBadge } from './day-state-badge';

const HASH_SHOWN = 16;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** An ISO instant as local "YYYY-MM-DD HH:MM:SS" (the text itself when it does not parse). */
function localTime(iso: string | null): string {
  if (iso === null) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return visibleText(iso);
  }
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

function describe(error: unknown): string | null {
  if (error instanceof DOMException && error.name === 'AbortError') {
    return null;
  }
  if (error instanceof UnauthorizedError) {
    return null; // the app is switching to the login page
  }
  if (error instanceof ApiError) {
    return error.detail ? `${error.title}: ${error.detail}` : error.title;
  }
  return error instanceof Error ? error.message : 'Loading the seal status failed.';
}

function ManifestHash({ hash }: { readonly hash: string | null }) {
  if (hash === null) {
    return null;
  }
  const shown = visibleText(hash);
  return (
    <code className="manifest-hash" title={shown}>
      {shown.length > HASH_SHOWN ? `${shown.slice(0, HASH_SHOWN)}…` : shown}
    </code>
  );
}

function DayRow({ day }: { readonly day: ComplianceDay }) {
  return (
    <tr>
      <td className="day-cell">{visibleText(day.day)}</td>
      <td>
        <DayStateBadge state={day.state} />
      </td>
      <td className="number-cell">{day.devices?.toLocaleString('en-US') ?? ''}</td>
      <td className="number-cell">{day.records?.toLocaleString('en-US') ?? ''}</td>
      <td>
        <ManifestHash hash={day.manifestSha256} />
      </td>
      <td className="time-cell">{localTime(day.stampedAt)}</td>
      <td>{day.tsa === null ? '' : visibleText(day.tsa)}</td>
      <td className="detail-cell">{day.detail === null ? '' : visibleText(day.detail)}</td>
    </tr>
  );
}

interface PageState {
  readonly days: readonly ComplianceDay[] | null;
  readonly loading: boolean;
  readonly error: string | null;
}

/** The daily seals of the last 31 days (Law 5651): state, counts, manifest hash, stamp, detail. */
export function CompliancePage() {
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<PageState>({ days: null, loading: true, error: null });
  const { days, loading, error } = state;

  useEffect(() => {
    const controller = new AbortController();
    fetchComplianceDays(controller.signal).then(
      (result) => setState({ days: result, loading: false, error: null }),
      (cause: unknown) => {
        const message = describe(cause);
        if (message !== null) {
          setState((previous) => ({ ...previous, loading: false, error: message }));
        }
      },
    );
    return () => controller.abort();
  }, [reloads]);

  const refresh = useCallback(() => {
    setState((previous) => ({ ...previous, loading: true, error: null }));
    setReloads((n) => n + 1);
  }, []);

  return (
    <main className="compliance-page">
      <div className="results-bar">
        <h2 className="page-title">Daily seals</h2>
        <span className="results-count" aria-live="polite">
          {loading ? 'Loading…' : days === null ? '' : `${days.length} day(s)`}
        </span>
        <button type="button" onClick={refresh} disabled={loading}>
          Refresh
        </button>
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {days !== null && days.length > 0 && (
        <div className="results-scroll">
          <table className="compliance-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">State</th>
                <th scope="col">Devices</th>
                <th scope="col">Records</th>
                <th scope="col">Manifest SHA-256</th>
                <th scope="col">Stamped</th>
                <th scope="col">TSA</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <DayRow key={day.day} day={day} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {days !== null && days.length === 0 && error === null && (
        <p className="empty-results">No days to show yet.</p>
      )}
      <BundleForm />
    </main>
  );
}
