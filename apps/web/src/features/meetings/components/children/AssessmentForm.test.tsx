// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { InstrumentDefinition } from '@tandem/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import asapChildren from '../../../../../../../instruments/asap-children-risk.v1.json';
import '../../../../app/i18n';
import { prepareDom } from '../../../../testing/dom';
import { AssessmentForm } from './AssessmentForm';

const definition = InstrumentDefinition.parse(asapChildren);
const JOINT_CASE = '11111111-1111-4111-8111-111111111111';
const CHILD = '22222222-2222-4222-8222-222222222222';
const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: CHILD }), { status: 201 }));

beforeAll(() => {
  prepareDom();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  fetchMock.mockClear();
});

function renderForm(dateOfBirth: string | null = '2015-05-05') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const child = { id: CHILD, firstName: 'Marta', lastName: 'Rossi', dateOfBirth, latestLevel: null };
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <AssessmentForm jointCaseId={JOINT_CASE} child={child} definition={definition} onDone={() => {}} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return screen.getByRole('form', { name: 'Assessment of Marta' });
}

function principles(form: HTMLElement) {
  fireEvent.click(within(form).getByRole('radio', { name: 'Mother' }));
  for (const name of [
    'The child was told about the topics first',
    'The child knows they may stop at any time',
    'The child knows they may refuse to answer any question',
    'The child knows how the answers are recorded',
  ])
    fireEvent.click(within(form).getByRole('checkbox', { name }));
}

const choose = (form: HTMLElement, question: RegExp, choice: string) =>
  fireEvent.click(within(within(form).getByRole('group', { name: question })).getByText(choice));

const sentBody = () => {
  const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
  return JSON.parse(String(init.body));
};

describe('one child’s assessment with Section B', () => {
  it('sends the answers and the items the child chose not to answer apart, with the markers', async () => {
    const form = renderForm();
    principles(form);
    choose(form, /threatened, directly, to kill/, 'Yes');
    choose(form, /refuse contact with him/, 'Chose not to answer');
    expect(within(form).getByTestId('child-rule-level').textContent).toContain('High');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Medical or mental-health needs' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Record the assessment' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(sentBody()).toMatchObject({
      jointCaseId: JOINT_CASE,
      medicalNeeds: true,
      sectionB: {
        instrumentId: 'asap-children-risk',
        version: 1,
        answers: { threat_kill_direct: { value: 'yes' } },
        refusedItems: ['refuse_contact'],
      },
    });
    expect(sentBody().sectionB).not.toHaveProperty('judgedLevel');
  });

  it('raises a young child to the instrument’s floor, and lowering a level needs a reason first', async () => {
    const form = renderForm(new Date(Date.now() - 2 * 365 * 86_400_000).toISOString().slice(0, 10));
    principles(form);
    choose(form, /heard episodes/, 'Yes');
    const level = within(form).getByTestId('child-rule-level');
    expect(level.textContent).toContain('Intermediate');
    expect(level.textContent).toContain('Raised by a vulnerability marker');
    fireEvent.change(within(form).getByLabelText('Professional judgement'), { target: { value: 'low' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the assessment' }));
    expect(await within(form).findByText('Give the reason for lowering the level.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
