// @vitest-environment jsdom
import { MantineProvider, Textarea } from '@mantine/core';
import { AgendaItemUpdate } from '@tandem/shared';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import '../../app/i18n';
import { prepareDom } from '../../testing/dom';
import { HerDetailsDialog, useHerDetailsCheck } from './herDetails';
import { matchedDetail } from './herDetailsError';
import { SchemaFormAlert } from './SchemaFormAlert';
import { useSchemaForm } from './useSchemaForm';

beforeAll(prepareDom);
afterEach(cleanup);

const herAddress = () =>
  new ApiError(409, 'her_details', 'This text seems to contain her address', [
    { path: 'notes', message: 'Contains her recorded address', detail: 'address' },
  ]);

function NotesForm({ send }: { send: (body: unknown) => Promise<unknown> }) {
  const herDetails = useHerDetailsCheck();
  const form = useSchemaForm({
    schema: AgendaItemUpdate,
    initialValues: { status: 'addressed', notes: 'We met at Via Segreta 7' },
    onSubmit: (body) => herDetails.send((confirmHerDetails) => send({ ...body, confirmHerDetails })),
  });
  return (
    <MantineProvider>
      <form onSubmit={form.submit} noValidate>
        <Textarea label="Notes" {...form.getInputProps('notes')} />
        <SchemaFormAlert form={form} />
        <button type="submit">Save</button>
      </form>
      <HerDetailsDialog check={herDetails} labels={{ notes: 'Notes' }} />
    </MantineProvider>
  );
}

describe('her details in joint text', () => {
  it('reads which detail a match names from its `detail`, never from the English words', () => {
    const match = (detail?: string) => ({
      path: 'notes',
      message: 'Contains her recorded e-mail address',
      detail,
    });
    expect(matchedDetail(match('email'))).toBe('email');
    expect(matchedDetail(match('childrensSchool'))).toBe('childrensSchool');
    expect(matchedDetail(match())).toBeNull();
    expect(matchedDetail(match('password'))).toBeNull();
  });

  it('asks, names the field and the detail, and sends again confirmed only when she confirms', async () => {
    const send = vi.fn(async (body: unknown) => {
      if (!(body as { confirmHerDetails?: boolean }).confirmHerDetails) throw herAddress();
      return body;
    });
    render(<NotesForm send={send} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const matches = await screen.findByTestId('her-details-matches');
    expect(matches.textContent).toContain('Notes');
    expect(matches.textContent).toContain('contains her address');
    expect(send).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'It is not hers: save it' }));

    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls[0]?.[0]).not.toHaveProperty('confirmHerDetails', true);
    expect(send.mock.calls[1]?.[0]).toMatchObject({
      notes: 'We met at Via Segreta 7',
      confirmHerDetails: true,
    });
  });

  it('declined, sends nothing more and shows the match at the field, in her words', async () => {
    const send = vi.fn(async () => {
      throw herAddress();
    });
    render(<NotesForm send={send} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('her-details-matches');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    const notes = screen.getByLabelText('Notes');
    await waitFor(() => expect(notes.getAttribute('aria-invalid')).toBe('true'));
    const described = (notes.getAttribute('aria-describedby') ?? '').split(' ');
    const error = described.map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(error).toContain('contains her address');
    expect(send).toHaveBeenCalledTimes(1);
  });
});
