import { Fragment, type KeyboardEvent, type MouseEvent } from 'react';
import { visibleText } from '../../shared/text/visible-text';
import {
  eventApp,
  eventHost,
  eventKey,
  eventMessage,
  eventOriginal,
  eventSeverity,
  eventTimestamp,
  formatLocalTime,
  type EcsEvent,
} from './event-fields';
import { SeverityBadge } from './severity-badge';

interface ResultsTableProps {
  readonly events: readonly EcsEvent[];
  readonly expanded: ReadonlySet<string>;
  readonly onToggle: (key: string) => void;
}

function EventDetail({ event }: { readonly event: EcsEvent }) {
  const original = eventOriginal(event);
  return (
    <div className="event-detail">
      <h3>Raw line</h3>
      <pre className="raw-line">
        {original === null ? '(not available)' : visibleText(original)}
      </pre>
      <h3>All fields</h3>
      <pre className="all-fields">{visibleText(JSON.stringify(event, null, 2))}</pre>
    </div>
  );
}

/** The events as a table; a row expands (click, Enter or Space) to show every field as text. */
export function ResultsTable({ events, expanded, onToggle }: ResultsTableProps) {
  function handleClick(event: MouseEvent, key: string) {
    // Selecting message text with the mouse must not toggle the row.
    if ((window.getSelection()?.toString() ?? '') !== '' && event.detail < 2) {
      return;
    }
    onToggle(key);
  }

  function handleKey(event: KeyboardEvent, key: string) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onToggle(key);
    }
  }

  return (
    <table className="results-table">
      <colgroup>
        <col className="col-time" />
        <col className="col-host" />
        <col className="col-app" />
        <col className="col-severity" />
        <col className="col-message" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Host</th>
          <th scope="col">App</th>
          <th scope="col">Severity</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => {
          const key = eventKey(event, index);
          const open = expanded.has(key);
          const severity = eventSeverity(event);
          return (
            <Fragment key={key}>
              <tr
                className={open ? 'event-row open' : 'event-row'}
                tabIndex={0}
                aria-expanded={open}
                onClick={(e) => handleClick(e, key)}
                onKeyDown={(e) => handleKey(e, key)}
              >
                <td className="cell-time">{formatLocalTime(eventTimestamp(event))}</td>
                <td className="cell-text">{visibleText(eventHost(event) ?? '')}</td>
                <td className="cell-text">{visibleText(eventApp(event) ?? '')}</td>
                <td>
                  <SeverityBadge code={severity.code} name={severity.name} />
                </td>
                <td className="cell-message">
                  <div className="message-text">{visibleText(eventMessage(event))}</div>
                </td>
              </tr>
              {open && (
                <tr className="event-detail-row">
                  <td colSpan={5}>
                    <EventDetail event={event} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
