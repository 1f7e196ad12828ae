import { apiDownload, apiRequest, type ApiFile } from '../../shared/api/api-client';

/** The seal state of a day: the batch's three states, or `unsealed` for a past day without any. */
export type DayState = 'sealed' | 'pending' | 'failed' | 'unsealed';

/** One day of GET /api/v1/compliance/days (unknown fields are null). */
export interface ComplianceDay {
  readonly day: string;
  /** As sent by the server; anything but the four known states is shown as unknown. */
  readonly state: string;
  readonly devices: number | null;
  readonly records: number | null;
  readonly manifestSha256: string | null;
  readonly sealedAt: string | null;
  readonly stampedAt: string | null;
  readonly tsa: string | null;
  readonly detail: string | null;
}

const KNOWN_STATES: readonly string[] = ['sealed', 'pending', 'failed', 'unsealed'];

/** True for the four states the page has a colour for. */
export function isKnownState(state: string): state is DayState {
  return KNOWN_STATES.includes(state);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function toDay(value: unknown): ComplianceDay | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return null;
  }
  const r = value as Record<string, unknown>;
  const day = text(r.day);
  const state = text(r.state);
  if (day === null || state === null) {
    return null;
  }
  return {
    day,
    state,
    devices: count(r.devices),
    records: count(r.records),
    manifestSha256: text(r.manifest_sha256),
    sealedAt: text(r.sealed_at),
    stampedAt: text(r.stamped_at),
    tsa: text(r.tsa),
    detail: text(r.detail),
  };
}

/** GET /api/v1/compliance/days (the server's default range: the last 31 days), newest first. */
export async function fetchComplianceDays(signal?: AbortSignal): Promise<ComplianceDay[]> {
  const body = await apiRequest<{ days?: unknown } | undefined>('/api/v1/compliance/days', {
    signal,
  });
  const days = Array.isArray(body?.days) ? body.days : [];
  return days.map(toDay).filter((d): d is ComplianceDay => d !== null);
}

/** Roles that may see the seal status (the API answers 403 to the others). */
export function canSeeCompliance(role: string): boolean {
  return role === 'admin' || role === 'auditor';
}

/** The range (YYYY-MM-DD, inclusive) and optional device of an auditor bundle. */
export interface BundleRequest {
  readonly from: string;
  readonly to: string;
  readonly device?: string;
}

/** GET /api/v1/compliance/bundle: the zip of the sealed days of the range, with the token. */
export function downloadBundle(request: BundleRequest, signal?: AbortSignal): Promise<ApiFile> {
  const params = new URLSearchParams({ from: request.from, to: request.to });
  const device = request.device?.trim() ?? '';
  if (device !== '') {
    params.set('device', device);
  }
  return apiDownload(
    `/api/v1/compliance/bundle?${params.toString()}`,
    `logmaster-bundle-${request.from}-${request.to}.zip`,
    signal,
  );
}
