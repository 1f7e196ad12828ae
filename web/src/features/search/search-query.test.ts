import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY,
  instantToLocalInput,
  localInputToInstant,
  queryFromUrl,
  queryToApiParams,
  queryToUrl,
  TIME_RANGES,
} from './search-query';

describe('search query', () => {
  it('round-trips through the URL, leaving defaults out', () => {
    const query = {
      ...DEFAULT_QUERY,
      q: 'a & b=c',
      range: '7d',
      host: 'fw1',
      severity: 'error',
      sourceIp: '10.0.0.1',
    };
    const url = queryToUrl(query);
    expect(url).toBe('?q=a+%26+b%3Dc&range=7d&host=fw1&severity=error&source_ip=10.0.0.1');
    expect(queryFromUrl(url)).toEqual(query);
    expect(queryToUrl(DEFAULT_QUERY)).toBe('');
  });

  it('drops invalid URL values', () => {
    const query = queryFromUrl('?range=99y&from=yesterday&to=2026-12-01T00:00:00Z&severity=LOUD');
    expect(query.range).toBe('15m');
    expect(query.from).toBe('');
    expect(query.to).toBe('2026-12-01T00:00:00Z');
    expect(query.severity).toBe('');
    expect(queryFromUrl('?severity=Error').severity).toBe('error');
  });

  it('sends every range as a relative from only, leaving to open-ended', () => {
    for (const [range, from] of [
      ['15m', 'now-15m'],
      ['1h', 'now-1h'],
      ['24h', 'now-24h'],
      ['7d', 'now-7d'],
      ['30d', 'now-30d'],
      ['1y', 'now-365d'],
    ]) {
      const params = queryToApiParams({ ...DEFAULT_QUERY, range: range as string }, 50);
      expect(params.get('from')).toBe(from);
      expect(params.has('to')).toBe(false);
    }
  });

  it('sends no time bounds at all for "All time"', () => {
    const params = queryToApiParams({ ...DEFAULT_QUERY, range: 'all' }, 50);
    expect(params.has('from')).toBe(false);
    expect(params.has('to')).toBe(false);
    expect(queryFromUrl('?range=all').range).toBe('all');
    expect(queryFromUrl('?range=1y').range).toBe('1y');
  });

  it('offers the last-N ranges, one year and all time', () => {
    expect(TIME_RANGES.map((r) => r.label)).toEqual([
      'Last 15 minutes',
      'Last 1 hour',
      'Last 24 hours',
      'Last 7 days',
      'Last 30 days',
      'Last 1 year',
      'All time',
    ]);
  });

  it('sends absolute bounds as ISO instants', () => {
    const params = queryToApiParams(
      { ...DEFAULT_QUERY, from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' },
      50,
    );
    expect(params.get('from')).toBe('2026-12-01T00:00:00.000Z');
    expect(params.get('to')).toBe('2026-12-02T00:00:00.000Z');
  });

  it('sends only non-empty, trimmed filters and the page size', () => {
    const params = queryToApiParams(
      { ...DEFAULT_QUERY, q: '  sshd ', host: ' ', app: 'cron', sourceIp: '::1' },
      25,
    );
    expect([...params.keys()].sort()).toEqual(['app', 'from', 'q', 'size', 'source_ip']);
    expect(params.get('q')).toBe('sshd');
    expect(params.get('size')).toBe('25');
  });

  it('converts between ISO instants and datetime-local values', () => {
    const local = instantToLocalInput('2026-12-03T10:15:30.000Z');
    expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(localInputToInstant(local)).toBe('2026-12-03T10:15:30.000Z');
    expect(localInputToInstant('')).toBe('');
    expect(instantToLocalInput('nonsense')).toBe('');
  });
});
