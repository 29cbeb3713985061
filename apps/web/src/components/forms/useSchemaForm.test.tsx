// @vitest-environment jsdom
import { Checkbox, MantineProvider, TextInput } from '@mantine/core';
import { ReleaseCreate } from '@tandem/shared';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import '../../app/i18n';
import { prepareDom } from '../../testing/dom';
import { SchemaFormAlert } from './SchemaFormAlert';
import { useSchemaForm } from './useSchemaForm';

beforeAll(prepareDom);
afterEach(cleanup);

const AGENCY = '7d0f6e1c-0000-4000-8000-000000000001';

function ReleaseForm({ onSubmit }: { onSubmit: (value: unknown) => unknown }) {
  const form = useSchemaForm({
    schema: ReleaseCreate,
    initialValues: {
      signedOn: '',
      scope: [] as string[],
      partners: [{ firstName: '', lastName: '', relationship: 'current', partnerContactAgencyId: AGENCY }],
    },
    onSubmit,
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <TextInput label="Signed on" {...form.getInputProps('signedOn')} />
      <Checkbox.Group label="Scope" {...form.getInputProps('scope')}>
        <Checkbox value="programme" label="Programme" />
      </Checkbox.Group>
      <TextInput label="Her first name" {...form.getInputProps('partners.0.firstName')} />
      <TextInput label="Her last name" {...form.getInputProps('partners.0.lastName')} />
      <SchemaFormAlert form={form} />
      <button type="submit">Save</button>
    </form>
  );
}

const renderForm = (onSubmit: (value: unknown) => unknown) =>
  render(
    <MantineProvider>
      <ReleaseForm onSubmit={onSubmit} />
    </MantineProvider>,
  );

describe('useSchemaForm', () => {
  it('checks with the shared schema, in the user’s words, and focuses the first invalid field', async () => {
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Signed on')));
    expect(screen.getByLabelText('Signed on').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Fill in this field')).toHaveLength(3); // the date and both of her names
    expect(screen.getByText('Choose at least one')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the parsed value, blank fields left out', async () => {
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    fireEvent.change(screen.getByLabelText('Signed on'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByLabelText('Programme'));
    fireEvent.change(screen.getByLabelText('Her first name'), { target: { value: 'Anna' } });
    fireEvent.change(screen.getByLabelText('Her last name'), { target: { value: 'Rossi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        signedOn: '2026-03-01',
        scope: ['programme'],
        partners: [
          { firstName: 'Anna', lastName: 'Rossi', relationship: 'current', partnerContactAgencyId: AGENCY },
        ],
      }),
    );
  });

  it('shows the server’s field errors at their inputs, focuses the first, and lists the others', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'invalid_input', 'Check the release', [
        { path: 'partners.0.lastName', message: 'Her last name is too long' },
        { path: 'partners.0.contact', message: 'Her contact details cannot be read' },
      ]);
    });
    renderForm(onSubmit);
    fireEvent.change(screen.getByLabelText('Signed on'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByLabelText('Programme'));
    fireEvent.change(screen.getByLabelText('Her first name'), { target: { value: 'Anna' } });
    fireEvent.change(screen.getByLabelText('Her last name'), { target: { value: 'Rossi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Her last name')));
    expect(screen.getByText('Her last name is too long')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Her contact details cannot be read');
    expect(screen.getByRole('alert').textContent).not.toContain('Her last name is too long');
  });
});
