// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../app/i18n';
import { prepareDom } from '../testing/dom';
import { DateTimeField } from './DateTimeField';

beforeAll(prepareDom);
afterEach(cleanup);

const changes: string[] = [];

function Field({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateTimeField
        label="When"
        value={value}
        error={value === '' ? 'Give a date and time' : undefined}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
      <button type="button" onClick={() => setValue('2027-01-05T09:15')}>
        Reset
      </button>
    </>
  );
}

const show = (field: React.ReactNode) =>
  render(
    <MantineProvider env="test">
      <DatesProvider settings={{ locale: 'en-gb', firstDayOfWeek: 1 }}>{field}</DatesProvider>
    </MantineProvider>,
  );

describe('a date-and-time field', () => {
  it('is one group named by its label, its day and time named after it', () => {
    show(<Field />);
    const group = screen.getByRole('group', { name: /When/ });
    expect(group).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'When: date' })).toBeTruthy();
    expect(screen.getByLabelText('When: time')).toBeTruthy();
    expect(screen.getByText('Give a date and time')).toBeTruthy();
  });

  it('gives its value once both parts are there, and nothing for a day alone', () => {
    changes.length = 0;
    show(<Field />);
    const day = screen.getByRole('textbox', { name: 'When: date' });
    fireEvent.change(day, { target: { value: '2026-12-17' } });
    fireEvent.blur(day);
    expect(changes).toEqual(['']);
    // The day typed stays while the time is missing (the form holds '' meanwhile).
    expect((day as HTMLInputElement).value).toBe('17 Dec 2026');
    fireEvent.change(screen.getByLabelText('When: time'), { target: { value: '10:30' } });
    expect(changes).toEqual(['', '2026-12-17T10:30']);
  });

  it('shows a value set from outside in both parts', () => {
    show(<Field initial="2026-12-17T10:30" />);
    expect((screen.getByLabelText('When: time') as HTMLInputElement).value).toBe('10:30');
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect((screen.getByLabelText('When: time') as HTMLInputElement).value).toBe('09:15');
    expect((screen.getByRole('textbox', { name: 'When: date' }) as HTMLInputElement).value).toBe(
      '5 Jan 2027',
    );
  });
});
