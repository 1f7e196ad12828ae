import type { EcsEvent } from '../features/search/event-fields';

/** A complete event document as the API returns it, with overrides merged on top. */
export function sampleEvent(id: string, overrides: Record<string, unknown> = {}): EcsEvent {
  return {
    '@timestamp': '2026-12-03T10:15:30.123Z',
    event: {
      id,
      created: '2026-12-03T10:15:30.456789012Z',
      original: `<34>1 2026-12-03T10:15:30.123Z fw1 sshd 123 ID47 - message ${id}`,
    },
    log: {
      syslog: {
        facility: { code: 4 },
        severity: { code: 2, name: 'critical' },
        hostname: 'fw1',
        appname: 'sshd',
        procid: '123',
        msgid: 'ID47',
      },
    },
    message: `message ${id}`,
    observer: { ip: '10.1.2.3' },
    logmaster: { received: { transport: 'udp' }, parse: { parser: 'rfc5424', warnings: [] } },
    ...overrides,
  };
}
