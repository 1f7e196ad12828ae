import { describe, expect, it } from 'vitest';
import { visibleText } from './visible-text';

describe('visibleText', () => {
  it('leaves ordinary text, tabs, newlines and markup characters unchanged', () => {
    const text = 'a\tb\nc <b>x</b> & "q" ünïcode 日本';
    expect(visibleText(text)).toBe(text);
  });

  it('shows C0 controls and DEL as escapes', () => {
    expect(visibleText('a\u0000b\u001b[31mc\rd\u007f')).toBe('a\\x00b\\x1b[31mc\\rd\\x7f');
  });

  it('shows bidi overrides and C1 controls as code points', () => {
    expect(visibleText('evil\u202Etxt.exe')).toBe('evil\\u202etxt.exe');
    expect(visibleText('x\u0085y\u2066')).toBe('x\\x85y\\u2066');
  });
});
