import { describe, expect, it } from 'vitest';
import {
  eventApp,
  eventHost,
  eventMessage,
  eventSeverity,
  eventTimestamp,
  formatLocalTime,
} from './event-fields';

describe('event fields', () => {
  it('falls back through the ECS fields', () => {
    expect(eventHost({ observer: { ip: '10.1.2.3' } })).toBe('10.1.2.3');
    expect(eventHost({ host: { hostname: 'h' }, observer: { ip: '10.1.2.3' } })).toBe('h');
    expect(eventTimestamp({ event: { created: '2026-12-03T10:15:30.456789012Z' } })).toBe(
      '2026-12-03T10:15:30.456789012Z',
    );
    expect(eventMessage({ event: { original: 'raw only' } })).toBe('raw only');
    expect(eventMessage({})).toBe('');
  });

  it('ignores fields of the wrong type', () => {
    expect(eventApp({ log: { syslog: { appname: { nested: true } } } })).toBeNull();
    expect(eventHost({ log: 'not an object' })).toBeNull();
    expect(eventSeverity({ log: { syslog: { severity: { code: 99, name: 'weird' } } } })).toEqual({
      code: null,
      name: 'weird',
    });
    expect(eventSeverity({ log: { syslog: { severity: { code: 4 } } } })).toEqual({
      code: 4,
      name: null,
    });
  });

  it('formats time in local time with milliseconds, truncating nanoseconds', () => {
    const iso = '2026-12-03T10:15:30.456789012Z';
    // vite.config.ts runs the tests in Europe/Istanbul (UTC+3).
    expect(formatLocalTime(iso)).toBe('2026-12-03 13:15:30.456');
    expect(formatLocalTime('2026-12-31T21:00:00.007Z')).toBe('2027-01-01 00:00:00.007');
    expect(formatLocalTime('garbage')).toBe('garbage');
    expect(formatLocalTime(null)).toBe('');
  });
});
