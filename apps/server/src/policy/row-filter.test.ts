import { describe, expect, it } from 'vitest';
import { allOf, anyOf, columnEquals, columnIn, matchesRowFilter, noRows } from './row-filter.js';

describe('row filters', () => {
  const row = { agency_id: 'a', side: 'victim', id: '1' };
  it.each([
    ['none matches nothing', noRows, false],
    ['eq', columnEquals('agency_id', 'a'), true],
    ['eq other', columnEquals('agency_id', 'b'), false],
    ['empty in is deny', columnIn('agency_id', []), false],
    ['in', columnIn('agency_id', ['b', 'a']), true],
    ['and needs all', allOf(columnEquals('agency_id', 'a'), columnEquals('side', 'perpetrator')), false],
    ['or needs one', anyOf(columnEquals('agency_id', 'z'), columnEquals('side', 'victim')), true],
  ])('%s', (_name, filter, expected) => {
    expect(matchesRowFilter(filter, row)).toBe(expected);
  });
});
