import { LANGUAGES } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from './languages';
import { describeTranslationParity, type MessageTree } from './translation-parity';

describe('languages', () => {
  it('cover every language the server accepts', () => {
    expect(Object.keys(UI_LANGUAGES).sort()).toEqual([...LANGUAGES].sort());
  });
});

describeTranslationParity(
  'interface',
  UI_LANGUAGES.en.messages as MessageTree,
  Object.fromEntries(
    Object.entries(UI_LANGUAGES)
      .filter(([code]) => code !== 'en')
      .map(([code, { messages }]) => [code, messages as MessageTree]),
  ),
);
