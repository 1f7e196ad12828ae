import { visibleText } from '../../shared/text/visible-text';

interface SeverityBadgeProps {
  readonly code: number | null;
  readonly name: string | null;
}

/** The severity name on a colour keyed by the numeric code (never by the attacker-supplied name). */
export function SeverityBadge({ code, name }: SeverityBadgeProps) {
  if (code === null && name === null) {
    return null;
  }
  const tone = code === null ? 'unknown' : String(code);
  return (
    <span className={`severity-badge severity-${tone}`}>{visibleText(name ?? String(code))}</span>
  );
}
