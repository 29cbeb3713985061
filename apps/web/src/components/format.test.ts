import { afterEach, describe, expect, it, vi } from 'vitest';
import { setServerCalendar, todayIso } from './format';

describe('todayIso: the network’s today on the server’s clock', () => {
  afterEach(() => vi.useRealTimers());

  it('follows the network’s zone, not the device’s: 23:30 UTC is already tomorrow in Rome', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-10T23:30:00Z'));
    setServerCalendar({ timeZone: 'Europe/Rome', serverTime: '2026-03-10T23:30:00Z' });
    expect(todayIso()).toBe('2026-03-11');
  });

  it('follows the server’s clock when the device’s is wrong', () => {
    vi.useFakeTimers();
    // The device thinks it is two days earlier than the server does.
    vi.setSystemTime(new Date('2026-03-08T12:00:00Z'));
    setServerCalendar({ timeZone: 'Europe/Rome', serverTime: '2026-03-10T12:00:00Z' });
    expect(todayIso()).toBe('2026-03-10');
    vi.setSystemTime(new Date('2026-03-09T12:00:00Z'));
    expect(todayIso()).toBe('2026-03-11');
  });
});
