import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setSession } from '../../shared/session/session-store';
import { server } from '../../test/server';
import { CompliancePage } from './compliance-page';

const HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script><b>bold</b>';

const DAYS = [
  {
    day: '2026-12-02',
    state: 'sealed',
    devices: 3,
    records: 12345,
    manifest_sha256: HASH,
    sealed_at: '2026-12-02T21:16:00Z',
    stamped_at: '2026-12-02T21:16:01.250Z',
    tsa: 'CN=LogMaster TSA',
    detail: null,
  },
  { day: '2026-12-01', state: 'unsealed' },
  {
    day: '2026-11-30',
    state: 'pending',
    devices: 1,
    records: 7,
    manifest_sha256: HASH,
    sealed_at: '2026-11-30T21:20:00Z',
    stamped_at: null,
    tsa: null,
    detail: 'tsa1: connect timed out',
  },
  {
    day: '2026-11-29',
    state: 'failed',
    devices: null,
    records: null,
    manifest_sha256: null,
    sealed_at: null,
    stamped_at: null,
    tsa: null,
    detail: HOSTILE,
  },
];

function serveDays(reply: () => Response) {
  const auth: (string | null)[] = [];
  server.use(
    http.get('*/api/v1/compliance/days', ({ request }) => {
      auth.push(request.headers.get('authorization'));
      return reply();
    }),
  );
  return auth;
}

function renderPage() {
  setSession({ token: 'tok-aud', username: 'aud', role: 'auditor', expiresAt: null });
  return render(<CompliancePage />);
}

function rowOf(table: HTMLElement, day: string): HTMLElement {
  const row = within(table).getByText(day).closest('tr');
  expect(row).not.toBeNull();
  return row as HTMLElement;
}

describe('CompliancePage', () => {
  it('lists each day with a coloured state, counts, hash, stamp time and TSA', async () => {
    const auth = serveDays(() => HttpResponse.json({ days: DAYS }));
    renderPage();

    const table = await screen.findByRole('table');
    expect(auth).toEqual(['Bearer tok-aud']);
    expect(screen.getByText('4 day(s)')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => (r as HTMLTableRowElement).cells[0]?.textContent)).toEqual([
      '2026-12-02',
      '2026-12-01',
      '2026-11-30',
      '2026-11-29',
    ]);

    const sealed = rowOf(table, '2026-12-02');
    expect(within(sealed).getByText('sealed')).toHaveClass('state-badge', 'state-sealed');
    expect(within(sealed).getByText('3')).toBeInTheDocument();
    expect(within(sealed).getByText('12,345')).toBeInTheDocument();
    const hash = within(sealed).getByText(`${HASH.slice(0, 16)}…`);
    expect(hash.tagName).toBe('CODE');
    expect(hash).toHaveClass('manifest-hash');
    expect(hash).toHaveAttribute('title', HASH);
    // Stamped time in local time (tests run in Europe/Istanbul, UTC+3).
    expect(within(sealed).getByText('2026-12-03 00:16:01')).toBeInTheDocument();
    expect(within(sealed).getByText('CN=LogMaster TSA')).toBeInTheDocument();

    expect(within(rowOf(table, '2026-12-01')).getByText('unsealed')).toHaveClass('state-unsealed');
    const pending = rowOf(table, '2026-11-30');
    expect(within(pending).getByText('pending')).toHaveClass('state-pending');
    expect(within(pending).getByText('tsa1: connect timed out')).toBeInTheDocument();
    expect(within(rowOf(table, '2026-11-29')).getByText('failed')).toHaveClass('state-failed');
  });

  it('renders a hostile detail as text, never as HTML', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
    serveDays(() =>
      HttpResponse.json({
        days: [
          { ...DAYS[3], detail: `${HOSTILE}\u001b[31m\u202Eevil`, tsa: '<i>tsa</i>' },
          { ...DAYS[0], day: '2026-11-28', state: '<u>weird</u>' },
        ],
      }),
    );
    renderPage();

    const table = await screen.findByRole('table');
    const cell = within(table).getByText(`${HOSTILE}\\x1b[31m\\u202eevil`);
    expect(cell.textContent).toBe(`${HOSTILE}\\x1b[31m\\u202eevil`);
    expect(within(table).getByText('<i>tsa</i>')).toBeInTheDocument();
    expect(within(table).getByText('<u>weird</u>')).toHaveClass('state-unknown');
    expect(table.querySelectorAll('img, script, b, i, u')).toHaveLength(0);
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
    expect(alert).not.toHaveBeenCalled();
  });

  it('shows the problem detail when the server refuses, and reloads on Refresh', async () => {
    let calls = 0;
    serveDays(() => {
      calls += 1;
      return calls === 1
        ? HttpResponse.json(
            { title: 'Forbidden', detail: 'Your role does not allow this.', status: 403 },
            { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
          )
        : HttpResponse.json({ days: [DAYS[1]] });
    });
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Forbidden: Your role does not allow this.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByText('unsealed')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('says so when there are no days, and skips malformed entries', async () => {
    serveDays(() => HttpResponse.json({ days: [{ state: 'sealed' }, 42, null] }));
    renderPage();

    expect(await screen.findByText('No days to show yet.')).toBeInTheDocument();
    expect(screen.getByText('0 day(s)')).toBeInTheDocument();
  });
});
