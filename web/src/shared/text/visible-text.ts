// Control characters (except tab and newline), C1 controls and bidirectional overrides in log
// text are attacker-controlled: a raw ESC, CR or U+202E could hide or reorder what the analyst
// sees. They are shown as visible escapes instead; everything else is left exactly as received.
/* eslint-disable no-control-regex -- matching control characters is the point here */
const INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

// Shown as the escapes analysts know from logs and code (\x1b, \r, \u202e): they render in
// every font, unlike the Unicode "control pictures".
function marker(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).padStart(2, '0');
  if (code === 0x0d) {
    return '\\r';
  }
  return code <= 0xff ? `\\x${hex}` : `\\u${hex.padStart(4, '0')}`;
}

/** Makes invisible or layout-changing characters visible; returns plain text for React to escape. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, marker);
}
