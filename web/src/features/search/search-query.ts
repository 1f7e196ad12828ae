/**
 * One selectable time range. `from` is the API's relative `now-N` lower bound, or null for no
 * lower bound ("All time"). A range never sends `to`: the upper bound stays open, so events
 * stamped in the future (device clock ahead, a replayed line whose year was guessed) are found.
 */
export interface TimeRange {
  readonly id: string;
  readonly label: string;
  readonly from: string | null;
}

export const TIME_RANGES: readonly TimeRange[] = [
  { id: '15m', label: 'Last 15 minutes', from: 'now-15m' },
  { id: '1h', label: 'Last 1 hour', from: 'now-1h' },
  { id: '24h', label: 'Last 24 hours', from: 'now-24h' },
  { id: '7d', label: 'Last 7 days', from: 'now-7d' },
  { id: '30d', label: 'Last 30 days', from: 'now-30d' },
  { id: '1y', label: 'Last 1 year', from: 'now-365d' },
  { id: 'all', label: 'All time', from: null },
];

export const DEFAULT_RANGE = '15m';

/** RFC 5424 severity names as the events carry them (log.syslog.severity.name). */
export const SEVERITIES: readonly string[] = [
  'emergency',
  'alert',
  'critical',
  'error',
  'warning',
  'notice',
  'informational',
  'debug',
];

/** The search the user asked for; lives in the page URL so it can be shared. */
export interface SearchQuery {
  readonly q: string;
  readonly range: string;
  /** Absolute start/end as ISO instants, '' when not set (the range applies). */
  readonly from: string;
  readonly to: string;
  readonly host: string;
  readonly app: string;
  readonly severity: string;
  readonly sourceIp: string;
}

export const DEFAULT_QUERY: SearchQuery = {
  q: '',
  range: DEFAULT_RANGE,
  from: '',
  to: '',
  host: '',
  app: '',
  severity: '',
  sourceIp: '',
};

// Query field ↔ URL/API parameter name.
const PARAMS: ReadonlyArray<readonly [keyof SearchQuery, string]> = [
  ['q', 'q'],
  ['range', 'range'],
  ['from', 'from'],
  ['to', 'to'],
  ['host', 'host'],
  ['app', 'app'],
  ['severity', 'severity'],
  ['sourceIp', 'source_ip'],
];

function isInstant(text: string): boolean {
  return text !== '' && !Number.isNaN(Date.parse(text));
}

export function findRange(id: string): TimeRange {
  return TIME_RANGES.find((range) => range.id === id) ?? (TIME_RANGES[0] as TimeRange);
}

/** Reads a query from a URL search string, dropping values that are not valid. */
export function queryFromUrl(search: string): SearchQuery {
  const params = new URLSearchParams(search);
  const get = (name: string) => (params.get(name) ?? '').trim();
  const range = get('range');
  const severity = get('severity').toLowerCase();
  return {
    q: params.get('q') ?? '',
    range: TIME_RANGES.some((r) => r.id === range) ? range : DEFAULT_RANGE,
    from: isInstant(get('from')) ? get('from') : '',
    to: isInstant(get('to')) ? get('to') : '',
    host: get('host'),
    app: get('app'),
    severity: SEVERITIES.includes(severity) ? severity : '',
    sourceIp: get('source_ip'),
  };
}

/** The URL search string for a query ('' for the default query); default values are left out. */
export function queryToUrl(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const [field, name] of PARAMS) {
    const value = query[field];
    if (value !== '' && !(field === 'range' && value === DEFAULT_RANGE)) {
      params.set(name, value);
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The GET /api/v1/events parameters for a query. Absolute from/to are sent as ISO instants; a
 * range sends only its relative `from` (none for "All time"), leaving `to` open.
 */
export function queryToApiParams(query: SearchQuery, size: number): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim() !== '') {
    params.set('q', query.q.trim());
  }
  if (query.from !== '') {
    params.set('from', new Date(query.from).toISOString());
  } else {
    const from = findRange(query.range).from;
    if (from !== null) {
      params.set('from', from);
    }
  }
  if (query.to !== '') {
    params.set('to', new Date(query.to).toISOString());
  }
  for (const [field, name] of PARAMS) {
    if (field === 'host' || field === 'app' || field === 'severity' || field === 'sourceIp') {
      const value = query[field].trim();
      if (value !== '') {
        params.set(name, value);
      }
    }
  }
  params.set('size', String(size));
  return params;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** ISO instant → the local wall-clock value of an <input type="datetime-local" step="1">. */
export function instantToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** The value of a datetime-local input (local wall clock) → ISO instant, '' when empty/invalid. */
export function localInputToInstant(value: string): string {
  if (value.trim() === '') {
    return '';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
