import { describe, expect, it } from 'vitest';
import { formatInZone, nowInZone, wallTimeToIso } from './meetingTime';

describe('meeting times in the meeting’s zone', () => {
  it('read a wall time in the zone, summer time included', () => {
    expect(wallTimeToIso('2026-01-15T10:00', 'Europe/Rome')).toBe('2026-01-15T09:00:00.000Z');
    expect(wallTimeToIso('2026-07-15T10:00', 'Europe/Rome')).toBe('2026-07-15T08:00:00.000Z');
    expect(wallTimeToIso('2026-07-15T10:00', 'UTC')).toBe('2026-07-15T10:00:00.000Z');
  });

  it('leave a blank value blank and refuse what is not a time', () => {
    expect(wallTimeToIso('', 'Europe/Rome')).toBe('');
    expect(wallTimeToIso('tomorrow', 'Europe/Rome')).toBeUndefined();
  });

  it('show an instant in the zone, and now as a wall time there', () => {
    expect(formatInZone('en-GB', '2026-07-15T08:00:00.000Z', 'Europe/Rome')).toContain('10:00');
    expect(nowInZone('Europe/Rome', Date.parse('2026-07-15T08:00:00Z'))).toBe('2026-07-15T10:00');
  });
});
