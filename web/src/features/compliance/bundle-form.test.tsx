import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '../../shared/session/session-store';
import { server } from '../../test/server';
import { BundleForm } from './bundle-form';

const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

interface Seen {
  auth: string | null;
  url: URL;
}

function serveBundle(reply: () => Response): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.get('*/api/v1/compliance/bundle', ({ request }) => {
      seen.push({ auth: request.headers.get('authorization'), url: new URL(request.url) });
      return reply();
    }),
  );
  return seen;
}

const created: Blob[] = [];
let clicked: { href: string; download: string }[] = [];

beforeEach(() => {
  created.length = 0;
  clicked = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    created.push(blob);
    return 'blob:bundle-1';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function fill(from: string, to: string, device?: string) {
  setSession({ token: 'tok-aud', username: 'aud', role: 'auditor', expiresAt: null });
  render(<BundleForm />);
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('From'), from);
  await user.type(screen.getByLabelText('To'), to);
  if (device !== undefined) {
    await user.type(screen.getByLabelText('Device (optional)'), device);
  }
  await user.click(screen.getByRole('button', { name: 'Download bundle' }));
}

describe('BundleForm', () => {
  it('downloads the zip with the bearer token and saves it under the server name', async () => {
    const seen = serveBundle(
      () =>
        new HttpResponse(ZIP, {
          headers: {
            'Content-Type': 'application/zip',
            'Content-Disposition':
              'attachment; filename="logmaster-bundle-2026-11-01-2026-11-30.zip"',
          },
        }),
    );
    await fill('2026-11-01', '2026-11-30', ' 10.0.0.2_514 ');

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Downloaded logmaster-bundle-2026-11-01-2026-11-30.zip',
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.auth).toBe('Bearer tok-aud');
    expect(seen[0]?.url.searchParams.get('from')).toBe('2026-11-01');
    expect(seen[0]?.url.searchParams.get('to')).toBe('2026-11-30');
    expect(seen[0]?.url.searchParams.get('device')).toBe('10.0.0.2_514');
    expect(created).toHaveLength(1);
    expect(created[0]?.size).toBe(ZIP.length);
    expect(clicked).toEqual([
      { href: 'blob:bundle-1', download: 'logmaster-bundle-2026-11-01-2026-11-30.zip' },
    ]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('sends no device parameter when the device is left empty', async () => {
    const seen = serveBundle(
      () => new HttpResponse(ZIP, { headers: { 'Content-Type': 'application/zip' } }),
    );
    await fill('2026-12-01', '2026-12-02');
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Downloaded logmaster-bundle-2026-12-01-2026-12-02.zip',
    );
    expect(seen[0]?.url.searchParams.has('device')).toBe(false);
  });

  it('shows the problem of a 400 clearly and saves nothing', async () => {
    serveBundle(() =>
      HttpResponse.json(
        {
          status: 400,
          title: "Invalid parameter 'to'",
          detail: 'At most 93 days can be bundled at once.',
          parameter: 'to',
        },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    await fill('2026-01-01', '2026-12-01');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Invalid parameter 'to': At most 93 days can be bundled at once.",
    );
    expect(created).toHaveLength(0);
    expect(clicked).toHaveLength(0);
  });

  it('shows a 403 as not allowed', async () => {
    serveBundle(() =>
      HttpResponse.json(
        { status: 403, title: 'Forbidden', detail: 'Your role does not allow this.' },
        { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    await fill('2026-12-01', '2026-12-02');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Forbidden: Your role does not allow this.',
    );
    expect(clicked).toHaveLength(0);
  });

  it('asks for both dates before calling the server', async () => {
    const seen = serveBundle(() => new HttpResponse(ZIP));
    setSession({ token: 'tok-aud', username: 'aud', role: 'auditor', expiresAt: null });
    render(<BundleForm />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download bundle' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose both dates.');
    expect(seen).toHaveLength(0);
  });
});
