import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY,
  instantToLocalInput,
  localInputToInstant,
  queryFromUrl,
  queryToApiParams,
  queryToUrl,
} from './search-query';

const NOW = new Date('2026-12-03T12:00:00.000Z');

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

  it('uses the API relative form for documented ranges', () => {
    for (const [range, from] of [
      ['15m', 'now-15m'],
      ['1h', 'now-1h'],
      ['24h', 'now-24h'],
      ['7d', 'now-7d'],
    ]) {
      const params = queryToApiParams({ ...DEFAULT_QUERY, range: range as string }, NOW, 50);
      expect(params.get('from')).toBe(from);
      expect(params.has('to')).toBe(false);
    }
  });

  it('sends 30 days and absolute bounds as ISO instants', () => {
    expect(queryToApiParams({ ...DEFAULT_QUERY, range: '30d' }, NOW, 50).get('from')).toBe(
      '2026-11-03T12:00:00.000Z',
    );
    const params = queryToApiParams(
      { ...DEFAULT_QUERY, from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' },
      NOW,
      50,
    );
    expect(params.get('from')).toBe('2026-12-01T00:00:00.000Z');
    expect(params.get('to')).toBe('2026-12-02T00:00:00.000Z');
  });

  it('sends only non-empty, trimmed filters and the page size', () => {
    const params = queryToApiParams(
      { ...DEFAULT_QUERY, q: '  sshd ', host: ' ', app: 'cron', sourceIp: '::1' },
      NOW,
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
