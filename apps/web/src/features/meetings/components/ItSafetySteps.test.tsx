// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../../app/i18n';
import { prepareDom } from '../../../testing/dom';
import { ItSafetySteps } from './ItSafetySteps';

beforeAll(prepareDom);
afterEach(cleanup);

describe('the IT safety plan’s first steps', () => {
  it('lists "document before you act" first, then the steps the server drew from her "yes" answers', () => {
    render(
      <MantineProvider>
        <MemoryRouter>
          <ItSafetySteps
            itSafety={{
              steps: [
                { id: 'document_before_you_act', itemId: null, text: null },
                {
                  id: 'stalkerware_signs.0',
                  itemId: 'stalkerware_signs',
                  text: { en: 'Check the phone first.' },
                },
              ],
              identification: {
                id: 'r1',
                jointCaseId: 'c1',
                version: 2,
                completedOn: '2026-11-30',
                level: 'present',
              },
            }}
          />
        </MemoryRouter>
      </MantineProvider>,
    );
    const items = within(screen.getByRole('region', { name: 'First steps' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Document before you act.'),
      'Check the phone first.',
    ]);
  });
});
