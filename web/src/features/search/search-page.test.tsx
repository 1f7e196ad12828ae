import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setSession } from '../../shared/session/session-store';
import { sampleEvent } from '../../test/events';
import { server } from '../../test/server';
import { SearchPage } from './search-page';

const HOSTILE = '<script>alert(1)</script><b>bold</b><img src=x onerror=alert(1)>';

/** Serves /api/v1/events from `reply` and records every request's query parameters. */
function serveEvents(reply: (params: URLSearchParams, call: number) => unknown) {
  const calls: URLSearchParams[] = [];
  server.use(
    http.get('*/api/v1/events', ({ request }) => {
      const params = new URL(request.url).searchParams;
      calls.push(params);
      return HttpResponse.json(reply(params, calls.length) as Record<string, unknown>);
    }),
  );
  return calls;
}

function renderPage(url = '/') {
  window.history.replaceState(null, '', url);
  setSession({ token: 't', username: 'ana', role: 'analyst', expiresAt: null });
  return render(<SearchPage />);
}

describe('SearchPage', () => {
  it('renders hostile log text as plain text, never as HTML', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
    serveEvents(() => ({
      total: 1,
      events: [
        sampleEvent('evil', {
          message: HOSTILE,
          event: { id: 'evil', original: `<13>1 - h app - - - ${HOSTILE}` },
          log: {
            syslog: {
              hostname: '<b>host</b>',
              appname: '<i>app</i>',
              severity: { code: 3, name: '<u>error</u>' },
            },
          },
        }),
      ],
      next_cursor: null,
    }));
    const user = userEvent.setup();
    renderPage();

    const table = await screen.findByRole('table');
    const cell = within(table).getByText(HOSTILE);
    expect(cell.textContent).toBe(HOSTILE);
    expect(within(table).getByText('<b>host</b>')).toBeInTheDocument();
    expect(within(table).getByText('<u>error</u>')).toHaveClass('severity-badge', 'severity-3');
    expect(table.querySelectorAll('script, b, img, i, u')).toHaveLength(0);

    // The expanded view shows the raw line and the JSON document, still as text.
    await user.click(cell);
    expect(within(table).getByText(`<13>1 - h app - - - ${HOSTILE}`).tagName).toBe('PRE');
    const json = table.querySelector('pre.all-fields');
    expect(json?.textContent).toContain(JSON.stringify(HOSTILE));
    expect(table.querySelectorAll('script, b, img, i, u')).toHaveLength(0);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    expect(alert).not.toHaveBeenCalled();
  });

  it('shows control characters visibly and keeps very long lines in the cell', async () => {
    const long = 'A'.repeat(20_000);
    serveEvents(() => ({
      total: 1,
      events: [sampleEvent('ctl', { message: `red\u001b[31m\rover\u202Ewritten ${long}` })],
      next_cursor: null,
    }));
    renderPage();

    const table = await screen.findByRole('table');
    const message = table.querySelector('.message-text');
    expect(message?.textContent).toBe(`red\\x1b[31m\\rover\\u202ewritten ${long}`);
  });

  it('shows columns, the total and the local time with milliseconds', async () => {
    const calls = serveEvents(() => ({
      total: 1234,
      events: [sampleEvent('e1')],
      next_cursor: null,
    }));
    renderPage();

    expect(await screen.findByText('1,234 events')).toBeInTheDocument();
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    const when = new Date('2026-12-03T10:15:30.123Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    const local =
      `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ` +
      `${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}.123`;
    expect(cells).toEqual([local, 'fw1', 'sshd', 'critical', 'message e1']);
    expect(calls[0]?.get('from')).toBe('now-15m');
    expect(calls[0]?.get('size')).toBe('100');
    expect(calls[0]?.has('q')).toBe(false);
  });

  it('copes with events that lack most fields', async () => {
    serveEvents(() => ({
      total: 2,
      events: [{}, { message: 'only a message' }],
      next_cursor: null,
    }));
    renderPage();

    expect(await screen.findByText('only a message')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('searches on Enter and puts the query in the URL', async () => {
    const calls = serveEvents(() => ({ total: 0, events: [], next_cursor: null }));
    const user = userEvent.setup();
    renderPage();
    await screen.findByText('0 events');

    await user.type(screen.getByLabelText('Query'), 'sshd failed');
    await user.type(screen.getByLabelText('Host'), 'fw1');
    await user.selectOptions(screen.getByLabelText('Severity'), 'error');
    await user.type(screen.getByLabelText('Source IP'), '10.0.0.9{Enter}');

    await waitFor(() => expect(calls).toHaveLength(2));
    const params = calls[1] as URLSearchParams;
    expect(params.get('q')).toBe('sshd failed');
    expect(params.get('host')).toBe('fw1');
    expect(params.get('severity')).toBe('error');
    expect(params.get('source_ip')).toBe('10.0.0.9');
    const url = new URLSearchParams(window.location.search);
    expect(url.get('q')).toBe('sshd failed');
    expect(url.get('host')).toBe('fw1');
    expect(url.get('source_ip')).toBe('10.0.0.9');
  });

  it('runs the search from a shared URL and searches again when the range changes', async () => {
    const calls = serveEvents(() => ({ total: 0, events: [], next_cursor: null }));
    const user = userEvent.setup();
    renderPage('/?q=disk&range=24h&app=kernel');

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(screen.getByLabelText('Query')).toHaveValue('disk');
    expect(calls[0]?.get('q')).toBe('disk');
    expect(calls[0]?.get('from')).toBe('now-24h');
    expect(calls[0]?.get('app')).toBe('kernel');

    await user.selectOptions(screen.getByLabelText('Time range'), '30d');

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.get('from')).toBe('now-30d');
    expect(calls[1]?.has('to')).toBe(false);
    expect(new URLSearchParams(window.location.search).get('range')).toBe('30d');

    await user.selectOptions(screen.getByLabelText('Time range'), 'Last 1 year');

    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]?.get('from')).toBe('now-365d');
    expect(calls[2]?.has('to')).toBe(false);
  });

  it('finds future-stamped events with a relative range and with "All time"', async () => {
    const future = sampleEvent('ahead', { '@timestamp': '2099-01-01T00:00:00.000Z' });
    // Like the API: a request with a `to` bound in the past would not match this event.
    const calls = serveEvents((params) =>
      params.has('to')
        ? { total: 0, events: [], next_cursor: null }
        : { total: 1, events: [future], next_cursor: null },
    );
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByText('message ahead')).toBeInTheDocument();
    expect(calls[0]?.get('from')).toBe('now-15m');
    expect(calls[0]?.has('to')).toBe(false);

    await user.selectOptions(screen.getByLabelText('Time range'), 'All time');

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.has('from')).toBe(false);
    expect(calls[1]?.has('to')).toBe(false);
    expect(new URLSearchParams(window.location.search).get('range')).toBe('all');
    expect(await screen.findByText('message ahead')).toBeInTheDocument();
  });

  it('follows the browser history back to the previous search', async () => {
    const calls = serveEvents(() => ({ total: 0, events: [], next_cursor: null }));
    const user = userEvent.setup();
    renderPage('/?q=first');
    await waitFor(() => expect(calls).toHaveLength(1));

    await user.clear(screen.getByLabelText('Query'));
    await user.type(screen.getByLabelText('Query'), 'second{Enter}');
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(window.location.search).toBe('?q=second');

    act(() => {
      window.history.back();
    });

    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]?.get('q')).toBe('first');
    expect(screen.getByLabelText('Query')).toHaveValue('first');
  });

  it('sends absolute from/to as ISO instants', async () => {
    const calls = serveEvents(() => ({ total: 0, events: [], next_cursor: null }));
    renderPage('/?from=2026-12-01T00:00:00.000Z&to=2026-12-02T00:00:00.000Z');

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.get('from')).toBe('2026-12-01T00:00:00.000Z');
    expect(calls[0]?.get('to')).toBe('2026-12-02T00:00:00.000Z');
  });

  it('loads the next page with the cursor and appends it', async () => {
    const calls = serveEvents((params) =>
      params.get('cursor') === 'c2'
        ? { total: 3, events: [sampleEvent('e3')], next_cursor: null }
        : { total: 3, events: [sampleEvent('e1'), sampleEvent('e2')], next_cursor: 'c2' },
    );
    const user = userEvent.setup();
    renderPage('/?q=x');
    await screen.findByText('message e2');
    expect(screen.getByText('(showing 2)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('message e3')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(calls[1]?.get('cursor')).toBe('c2');
    expect(calls[1]?.get('q')).toBe('x');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('expands and collapses a row with the keyboard', async () => {
    serveEvents(() => ({ total: 1, events: [sampleEvent('k1')], next_cursor: null }));
    const user = userEvent.setup();
    renderPage();
    const row = (await screen.findByText('message k1')).closest('tr') as HTMLElement;

    row.focus();
    await user.keyboard('{Enter}');
    expect(row).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(/"procid": "123"/)).toBeInTheDocument();

    await user.keyboard(' ');
    expect(row).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/"procid"/)).not.toBeInTheDocument();
  });

  it('shows the problem detail of a failed search', async () => {
    server.use(
      http.get('*/api/v1/events', () =>
        HttpResponse.json(
          { title: 'Bad Request', detail: 'Cannot parse query: AND AND', status: 400 },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderPage();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Bad Request: Cannot parse query: AND AND',
    );
  });

  it('re-runs the current query every 5 s while auto-refresh is on', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const calls = serveEvents((_, call) => ({
        total: call,
        events: [sampleEvent(`r${call}`)],
        next_cursor: null,
      }));
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      renderPage('/?q=tail');
      await screen.findByText('message r1');

      await act(() => vi.advanceTimersByTimeAsync(6000));
      expect(calls).toHaveLength(1); // off by default

      await user.click(screen.getByLabelText(/Auto-refresh/));
      await act(() => vi.advanceTimersByTimeAsync(5000));
      expect(await screen.findByText('message r2')).toBeInTheDocument();
      expect(calls[1]?.get('q')).toBe('tail');

      await user.click(screen.getByLabelText(/Auto-refresh/));
      await act(() => vi.advanceTimersByTimeAsync(11000));
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
