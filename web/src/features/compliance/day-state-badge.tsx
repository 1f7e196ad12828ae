import { visibleText } from '../../shared/text/visible-text';
import { isKnownState } from './compliance-api';

/** The day's state on its colour: sealed green, pending amber, failed red, unsealed grey. */
export function DayStateBadge({ state }: { readonly state: string }) {
  const tone = isKnownState(state) ? state : 'unknown';
  return <span className={`state-badge state-${tone}`}>{visibleText(state)}</span>;
}
