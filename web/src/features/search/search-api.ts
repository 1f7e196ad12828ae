import { apiRequest } from '../../shared/api/api-client';
import type { EcsEvent } from './event-fields';

/** One page of search results. */
export interface SearchPage {
  readonly total: number;
  readonly events: readonly EcsEvent[];
  readonly nextCursor: string | null;
}

interface SearchResponse {
  total?: unknown;
  events?: unknown;
  next_cursor?: unknown;
}

function isEvent(value: unknown): value is EcsEvent {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** GET /api/v1/events with the given parameters (and cursor for the following pages). */
export async function searchEvents(
  params: URLSearchParams,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<SearchPage> {
  const query = new URLSearchParams(params);
  if (cursor !== null) {
    query.set('cursor', cursor);
  }
  const body = await apiRequest<SearchResponse | undefined>(`/api/v1/events?${query}`, { signal });
  const events = Array.isArray(body?.events) ? body.events.filter(isEvent) : [];
  const total = typeof body?.total === 'number' ? body.total : events.length;
  const nextCursor =
    typeof body?.next_cursor === 'string' && body.next_cursor !== '' ? body.next_cursor : null;
  return { total, events, nextCursor };
}
