/** An ECS event document as the API returns it; any field may be missing or of another type. */
export type EcsEvent = Readonly<Record<string, unknown>>;

function pick(doc: unknown, path: readonly string[]): unknown {
  let current: unknown = doc;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function text(doc: EcsEvent, ...paths: ReadonlyArray<readonly string[]>): string | null {
  for (const path of paths) {
    const value = pick(doc, path);
    if (typeof value === 'string' && value !== '') {
      return value;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      return String(value);
    }
  }
  return null;
}

export function eventId(doc: EcsEvent): string | null {
  return text(doc, ['event', 'id']);
}

/** A stable React key: the event id, or the position for events that lack one. */
export function eventKey(doc: EcsEvent, index: number): string {
  return eventId(doc) ?? `#${index}`;
}

export function eventTimestamp(doc: EcsEvent): string | null {
  return text(doc, ['@timestamp'], ['event', 'created']);
}

export function eventHost(doc: EcsEvent): string | null {
  return text(
    doc,
    ['log', 'syslog', 'hostname'],
    ['host', 'hostname'],
    ['observer', 'hostname'],
    ['observer', 'ip'],
  );
}

export function eventApp(doc: EcsEvent): string | null {
  return text(doc, ['log', 'syslog', 'appname']);
}

export function eventMessage(doc: EcsEvent): string {
  return text(doc, ['message'], ['event', 'original']) ?? '';
}

export function eventOriginal(doc: EcsEvent): string | null {
  return text(doc, ['event', 'original']);
}

/** Severity code 0..7 (or null) and its name as given by the event. */
export function eventSeverity(doc: EcsEvent): { code: number | null; name: string | null } {
  const rawCode = pick(doc, ['log', 'syslog', 'severity', 'code']);
  const code =
    typeof rawCode === 'number' && Number.isInteger(rawCode) && rawCode >= 0 && rawCode <= 7
      ? rawCode
      : null;
  return { code, name: text(doc, ['log', 'syslog', 'severity', 'name']) };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** An ISO instant in local time with milliseconds, e.g. 2026-12-03 13:15:30.123. */
export function formatLocalTime(iso: string | null): string {
  if (iso === null) {
    return '';
  }
  // Keep at most millisecond precision: event.created carries nanoseconds.
  const trimmed = iso.replace(/(\.\d{3})\d+/, '$1');
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.` +
    pad(date.getMilliseconds(), 3)
  );
}
