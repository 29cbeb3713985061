// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../app/i18n';
import { prepareDom } from '../testing/dom';
import { DateField } from './DateField';

beforeAll(prepareDom);
afterEach(cleanup);

const changes: string[] = [];

function Field({ initial = '', required = false }: { initial?: string; required?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <DateField
      label="Signed on"
      required={required}
      value={value}
      onChange={(next) => {
        changes.push(next);
        setValue(next);
      }}
    />
  );
}

const show = (locale: string, field: React.ReactNode) =>
  render(
    // env="test": no transitions, so the calendar is there at once.
    <MantineProvider env="test">
      <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{field}</DatesProvider>
    </MantineProvider>,
  );

describe('a date field', () => {
  it('takes a typed YYYY-MM-DD date and shows it with the month by name once left', () => {
    changes.length = 0;
    show('en-gb', <Field required />);
    const input = screen.getByLabelText(/Signed on/) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '2026-03-10' } });
    expect(changes).toEqual(['2026-03-10']);
    fireEvent.blur(input);
    expect(input.value).toBe('10 Mar 2026');
  });

  it('shows the date in the interface language, and an optional one can be emptied', () => {
    changes.length = 0;
    show('it', <Field initial="2026-05-10" />);
    const input = screen.getByLabelText('Signed on') as HTMLInputElement;
    expect(input.value).toBe('10 mag 2026');
    fireEvent.change(input, { target: { value: '' } });
    expect(changes).toEqual(['']);
  });

  it('keeps a required date when its text is deleted, and ignores a day that does not exist', () => {
    changes.length = 0;
    show('en-gb', <Field initial="2026-03-10" required />);
    const input = screen.getByLabelText(/Signed on/) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.change(input, { target: { value: '31/02/2026' } });
    fireEvent.blur(input);
    expect(changes).toEqual([]);
    expect(input.value).toBe('10 Mar 2026');
  });

  it('opens its calendar on a click, weeks from Monday, and a day picked there is the value', () => {
    changes.length = 0;
    show('en-gb', <Field initial="2026-03-10" />);
    const input = screen.getByLabelText('Signed on');
    fireEvent.focus(input);
    expect(screen.queryByRole('button', { name: 'Next month' })).toBeNull();
    fireEvent.click(input);
    expect(screen.getByRole('button', { name: 'Next month' })).toBeTruthy();
    const weekdays = [...document.querySelectorAll('thead th')].map((cell) => cell.textContent);
    expect(weekdays[0]).toBe('Mo');
    fireEvent.click(screen.getByRole('button', { name: '12 March 2026' }));
    expect(changes).toEqual(['2026-03-12']);
    expect(screen.queryByRole('button', { name: 'Next month' })).toBeNull();
  });
});
