import { describe, expect, it } from 'vitest';
import { inertCell } from './spreadsheet-cells.js';

describe('spreadsheet cells', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://x")'])(
    'makes %j a text',
    (text) => {
      expect(inertCell(text)).toBe(`'${text}`);
    },
  );

  it('leaves other texts, numbers and empty cells as they are', () => {
    expect(inertCell('Rete Nord')).toBe('Rete Nord');
    expect(inertCell('a=b')).toBe('a=b');
    expect(inertCell(-3)).toBe(-3);
    expect(inertCell(null)).toBe(null);
    expect(inertCell('')).toBe('');
  });
});
