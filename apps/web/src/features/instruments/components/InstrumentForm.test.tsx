// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import type { InstrumentDefinition, ResponseView } from '@tandem/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../app/i18n';
import { ApiError } from '../../../api/errors';
import { prepareDom } from '../../../testing/dom';
import { checklist, judgementForm, perSectionForm } from '../test-fixtures';
import { InstrumentForm } from './InstrumentForm';

beforeAll(() => {
  prepareDom();
  // The agency list is not needed here: answer with an empty page.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200 })),
  );
});

afterEach(cleanup);

/** The sources each side's actor is offered (the programme is never offered "her"). */
const SOURCES = {
  perpetrator: ['him', 'agency', 'professional_observation'],
  victim: ['him', 'her', 'agency', 'professional_observation'],
} as const;

function renderForm(
  side: 'perpetrator' | 'victim',
  onSubmit = vi.fn(),
  error: unknown = null,
  definition: InstrumentDefinition = checklist,
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <InstrumentForm
          definition={definition}
          sources={SOURCES[side]}
          jointCaseId="11111111-1111-4111-8111-111111111111"
          onSubmit={onSubmit}
          onSaved={() => {}}
          submitting={false}
          error={error}
        />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return onSubmit;
}

const item = (name: RegExp) => screen.getByRole('group', { name });

describe('the instrument form', () => {
  it('computes the level live, and lowering it needs a reason before anything is sent', async () => {
    const onSubmit = renderForm(
      'victim',
      vi.fn(async () => ({ id: 'r', level: 'intermediate' }) as ResponseView),
    );
    const summary = screen.getByTestId('computed-level');
    expect(summary.textContent).toContain('Low');

    fireEvent.click(within(item(/Strangulation/)).getByLabelText('Yes'));
    expect(screen.getByTestId('computed-level').textContent).toContain('High');
    expect(screen.getByText('1 serious indicator')).toBeTruthy();

    fireEvent.change(within(item(/Strangulation/)).getByLabelText('Source'), { target: { value: 'her' } });
    fireEvent.change(screen.getByLabelText('Level after professional judgement'), {
      target: { value: 'intermediate' },
    });
    const reason = screen.getByLabelText(/Reason for lowering the level/);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Give the reason for lowering the computed level')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: 'He has moved abroad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      instrumentId: 'test-checklist',
      version: 3,
      subject: 'case',
      answers: { strangulation: { value: 'yes', source: 'her' } },
      judgedLevel: 'intermediate',
      judgementReason: 'He has moved abroad',
    });
  });

  it('does not offer the perpetrator side "her" as a source, and a raise needs no reason', async () => {
    const onSubmit = renderForm(
      'perpetrator',
      vi.fn(async () => ({ id: 'r' }) as ResponseView),
    );
    const source = within(item(/Weapons/)).getByLabelText('Source') as HTMLSelectElement;
    expect([...source.options].map((option) => option.value)).toEqual([
      '',
      'him',
      'agency',
      'professional_observation',
    ]);
    fireEvent.change(screen.getByLabelText('Level after professional judgement'), {
      target: { value: 'high' },
    });
    expect(screen.queryByLabelText(/Reason for lowering/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ judgedLevel: 'high', answers: {} });
  });

  it('answers from the keyboard (Y, N, U, then the next item), and “the rest” after a confirmation', async () => {
    const onSubmit = renderForm(
      'victim',
      vi.fn(async () => ({ id: 'r' }) as ResponseView),
    );
    const first = within(item(/Strangulation/)).getByLabelText('Yes');
    first.focus();
    fireEvent.keyDown(first, { key: 'y' });
    expect((within(item(/Strangulation/)).getByLabelText('Yes') as HTMLInputElement).checked).toBe(true);
    // Focus moved on to the next item, which the next key answers.
    expect(document.activeElement?.closest('[data-item]')?.getAttribute('data-item')).toBe('weapons');
    fireEvent.keyDown(document.activeElement!, { key: 'N' });
    expect((within(item(/Weapons/)).getByLabelText('No') as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'The rest: unknown' }));
    expect(await screen.findByText(/2 items still open will be answered “Unknown”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Answer “Unknown”' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'The rest: unknown' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0].answers).toMatchObject({
      strangulation: { value: 'yes' },
      weapons: { value: 'no' },
      alcohol: { value: 'unknown' },
      isolation: { value: 'unknown' },
    });
  });

  it('starts her service’s answers with her as the source, but not “the rest” or a source chosen', async () => {
    const onSubmit = renderForm(
      'victim',
      vi.fn(async () => ({ id: 'r' }) as ResponseView),
    );
    const strangulation = within(item(/Strangulation/));
    fireEvent.click(strangulation.getByLabelText('Yes'));
    expect((strangulation.getByLabelText('Source') as HTMLSelectElement).value).toBe('her');
    // A source she did not give is chosen once, and a changed answer keeps it.
    const weapons = within(item(/Weapons/));
    fireEvent.click(weapons.getByLabelText('No'));
    fireEvent.change(weapons.getByLabelText('Source'), { target: { value: 'agency' } });
    fireEvent.click(weapons.getByLabelText('Yes'));
    expect((weapons.getByLabelText('Source') as HTMLSelectElement).value).toBe('agency');

    fireEvent.click(screen.getByRole('button', { name: 'The rest: no' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Answer “No”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const answers = onSubmit.mock.calls[0]?.[0].answers;
    expect(answers.strangulation).toMatchObject({ value: 'yes', source: 'her' });
    expect(answers.weapons).toMatchObject({ value: 'yes', source: 'agency' });
    expect(answers.alcohol).toEqual({ value: 'no' });
  });

  it('starts the programme’s answers with no source: it never records what she said', async () => {
    const onSubmit = renderForm(
      'perpetrator',
      vi.fn(async () => ({ id: 'r' }) as ResponseView),
    );
    fireEvent.click(within(item(/Strangulation/)).getByLabelText('No'));
    expect((within(item(/Strangulation/)).getByLabelText('Source') as HTMLSelectElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0].answers).toEqual({ strangulation: { value: 'no' } });
  });

  it('shows the server’s message under the item it names', () => {
    renderForm(
      'victim',
      vi.fn(),
      new ApiError(400, 'invalid_input', 'answers.weapons: Answer yes, no or unknown', [
        { path: 'answers.weapons', message: 'Answer yes, no or unknown' },
      ]),
    );
    expect(within(item(/Weapons/)).getByText('Answer yes, no or unknown')).toBeTruthy();
  });

  it('shows a structured professional judgement as the professional’s rating, not a sum, with no second judgement', async () => {
    const onSubmit = renderForm(
      'victim',
      vi.fn(async () => ({ id: 'r', level: 'low' }) as ResponseView),
      null,
      judgementForm,
    );
    expect(screen.getByTestId('judgement-rule').textContent).toContain('no level until you choose');
    expect(screen.queryByTestId('computed-level')).toBeNull();
    fireEvent.click(within(item(/Physical violence/)).getByLabelText('Present'));
    fireEvent.click(within(item(/Attitudes/)).getByLabelText('Partially present'));
    expect(screen.getByTestId('factor-counts').textContent).toBe(
      'Factors: 1 present · 1 partially present · 0 absent',
    );
    // Every factor present, and the professional rates low: the level is the rating.
    fireEvent.click(within(item(/Attitudes/)).getByLabelText('Present'));
    fireEvent.click(within(item(/Summary risk rating/)).getByLabelText('Low'));
    expect(screen.getByTestId('computed-level').textContent).toContain('Low');
    expect(screen.getByTestId('judgement-rule').textContent).toContain('not a sum of the factors');
    expect(screen.queryByTestId('computed-score')).toBeNull();
    expect(screen.queryByLabelText('Level after professional judgement')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      answers: {
        f_violence: { value: 'present' },
        f_attitudes: { value: 'present' },
        rating: { value: 'low' },
      },
    });
    expect(onSubmit.mock.calls[0]?.[0].judgedLevel).toBeUndefined();
  });

  it('shows each section’s level of a per-section rule, and the highest as the level', () => {
    renderForm('victim', vi.fn(), null, perSectionForm);
    fireEvent.click(within(item(/Money/)).getByLabelText('Yes'));
    expect(screen.getByTestId('computed-level').textContent).toContain('Low');
    fireEvent.click(within(item(/Hit/)).getByLabelText('Yes'));
    expect(screen.getByTestId('computed-level').textContent).toContain('High');
    const sections = screen.getByTestId('section-results');
    expect(sections.textContent).toContain('Violence');
    expect(sections.textContent).toContain('Context');
    expect(sections.textContent).toContain('Each gives a level; the highest counts');
  });
});
