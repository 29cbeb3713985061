import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './dates';

describe('a typed date', () => {
  it('is read as YYYY-MM-DD, as day/month/year in digits, or as the field shows it', () => {
    expect(parseTypedDate('2026-03-10', 'en-gb')).toBe('2026-03-10');
    expect(parseTypedDate(' 2026-3-1 ', 'it')).toBe('2026-03-01');
    expect(parseTypedDate('10/03/2026', 'en-gb')).toBe('2026-03-10');
    expect(parseTypedDate('1.3.2026', 'bg')).toBe('2026-03-01');
    expect(parseTypedDate('10-3-2026', 'es')).toBe('2026-03-10');
    expect(parseTypedDate('10 Mar 2026', 'en-gb')).toBe('2026-03-10');
    expect(parseTypedDate('10 March 2026', 'en-gb')).toBe('2026-03-10');
    expect(parseTypedDate('10 mag 2026', 'it')).toBe('2026-05-10');
    expect(parseTypedDate('10 де mar 2026', 'es')).toBeNull();
    expect(parseTypedDate('10 de mar de 2026', 'es')).toBe('2026-03-10');
    expect(parseTypedDate('10 мар 2026', 'bg')).toBe('2026-03-10');
    expect(parseTypedDate('10 Μαρ 2026', 'el')).toBe('2026-03-10');
  });

  it('is nothing while it is not a whole, real day', () => {
    for (const text of [
      '',
      '2026-03',
      '10/03/20',
      '31/02/2026',
      '2026-02-30',
      '2026-13-01',
      '0050-01-01',
      'soon',
    ])
      expect(parseTypedDate(text, 'en-gb'), text).toBeNull();
  });
});
