import { useState, type FormEvent } from 'react';
import {
  SEVERITIES,
  TIME_RANGES,
  instantToLocalInput,
  localInputToInstant,
  type SearchQuery,
} from './search-query';

interface SearchFormProps {
  readonly initial: SearchQuery;
  readonly onSearch: (query: SearchQuery) => void;
}

/** Query box, time range and filters; Enter in any field (or the button) runs the search. */
export function SearchForm({ initial, onSearch }: SearchFormProps) {
  const [draft, setDraft] = useState(initial);
  const [fromInput, setFromInput] = useState(() => instantToLocalInput(initial.from));
  const [toInput, setToInput] = useState(() => instantToLocalInput(initial.to));

  const set = (field: keyof SearchQuery) => (value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch({ ...draft, from: localInputToInstant(fromInput), to: localInputToInstant(toInput) });
  }

  function handleRange(range: string) {
    // Picking a "last N" range drops the absolute bounds and searches at once.
    setFromInput('');
    setToInput('');
    const next = { ...draft, range, from: '', to: '' };
    setDraft(next);
    onSearch(next);
  }

  return (
    <form className="search-form" onSubmit={handleSubmit} role="search">
      <div className="search-row">
        <label className="visually-hidden" htmlFor="search-q">
          Query
        </label>
        <input
          id="search-q"
          className="search-query"
          type="search"
          placeholder="Search messages, e.g. sshd AND failed"
          autoFocus
          value={draft.q}
          onChange={(e) => set('q')(e.target.value)}
        />
        <label className="visually-hidden" htmlFor="search-range">
          Time range
        </label>
        <select id="search-range" value={draft.range} onChange={(e) => handleRange(e.target.value)}>
          {TIME_RANGES.map((range) => (
            <option key={range.id} value={range.id}>
              {range.label}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          Search
        </button>
      </div>
      <div className="filter-row">
        <label>
          From
          <input
            type="datetime-local"
            step="1"
            value={fromInput}
            onChange={(e) => setFromInput(e.target.value)}
          />
        </label>
        <label>
          To
          <input
            type="datetime-local"
            step="1"
            value={toInput}
            onChange={(e) => setToInput(e.target.value)}
          />
        </label>
        <label>
          Host
          <input value={draft.host} onChange={(e) => set('host')(e.target.value)} size={12} />
        </label>
        <label>
          App
          <input value={draft.app} onChange={(e) => set('app')(e.target.value)} size={10} />
        </label>
        <label>
          Severity
          <select value={draft.severity} onChange={(e) => set('severity')(e.target.value)}>
            <option value="">any</option>
            {SEVERITIES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source IP
          <input
            value={draft.sourceIp}
            onChange={(e) => set('sourceIp')(e.target.value)}
            size={14}
            spellCheck={false}
          />
        </label>
      </div>
    </form>
  );
}
