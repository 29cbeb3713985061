import { describe, expect, it } from 'vitest';
import { findHardCodedStrings } from './hard-coded-strings';

/** Every user-visible word goes through i18next, in all five languages (locales.test.ts checks those). */
const sources = import.meta.glob<string>(
  [
    '../../**/*.ts',
    '../../**/*.tsx',
    '!../../**/*.test.ts',
    '!../../**/*.test.tsx',
    // The instrument definitions the tests are given: test data, never shown by the app.
    '!../../**/test-fixtures.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** Words that are the same in every language. */
const SAME_IN_EVERY_LANGUAGE: ReadonlySet<string> = new Set([
  'Tandem', // the product's name
]);

/**
 * Files with user-visible text not yet in the locale files, each with that text. The list may only
 * shrink: text moved to the locale files must be taken off it too (the second test fails otherwise).
 */
const AWAITING_TRANSLATION: Readonly<Record<string, readonly string[]>> = {
  // TODO(i18n, issue 15): the time-zone field's example. An IANA name is not translated, but each
  // language could show its own region's zone (Europe/Sofia, Europe/Athens…) through the locale files.
  '../../features/admin/pages/NetworksPage.tsx': ['Europe/Rome'],
};

/** `${title} · Tandem` has no words to translate once the name is taken out. */
const withoutNames = (text: string) =>
  text
    .split(/\s+/)
    .filter((word) => !SAME_IN_EVERY_LANGUAGE.has(word))
    .join(' ');

function findingsOf(path: string): string[] {
  return findHardCodedStrings(path, sources[path] ?? '')
    .filter((found) => /\p{L}/u.test(withoutNames(found.text)))
    .map((found) => `${found.line}: ${found.text}`);
}

const textOf = (finding: string) => finding.replace(/^\d+: /, '');

describe('user-visible text', () => {
  it('is found in the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
  });

  it('always passes through i18next', () => {
    const offending: Record<string, string[]> = {};
    for (const path of Object.keys(sources)) {
      const awaiting = AWAITING_TRANSLATION[path] ?? [];
      const found = findingsOf(path).filter((finding) => !awaiting.includes(textOf(finding)));
      if (found.length > 0) offending[path] = found;
    }
    expect(offending).toEqual({});
  });

  it('awaiting translation is still there (take translated text off the list)', () => {
    const gone: string[] = [];
    for (const [path, texts] of Object.entries(AWAITING_TRANSLATION)) {
      const found = new Set(findingsOf(path).map(textOf));
      for (const text of texts) if (!found.has(text)) gone.push(`${path}: ${text}`);
    }
    expect(gone).toEqual([]);
  });
});

describe('the hard-coded text check', () => {
  const texts = (source: string) => findHardCodedStrings('probe.tsx', source).map((found) => found.text);

  it('finds JSX text, literal children and visible props', () => {
    expect(texts('const a = <Button>Save the plan</Button>;')).toEqual(['Save the plan']);
    expect(texts("const a = <Text>{open ? 'Open' : 'Closed'}</Text>;")).toEqual(['Open', 'Closed']);
    expect(texts(`const a = <TextInput label="Her name" placeholder={\`e.g. \${x}\`} />;`)).toEqual([
      'Her name',
      'e.g.',
    ]);
    expect(texts('const a = <FormActions submitLabel="Record" documentTitle="Cases" />;')).toEqual([
      'Record',
      'Cases',
    ]);
    expect(texts("const a = <ActionIcon aria-label={'Close'} title={busy || 'Remove'} />;")).toEqual([
      'Close',
      'Remove',
    ]);
  });

  it('finds notification and option texts, the page title and dialogs', () => {
    expect(texts(`notifications.show({ title: 'Saved', message: \`Plan \${n} saved\` });`)).toEqual([
      'Saved',
      'Plan saved',
    ]);
    expect(texts("const options = [{ value: 'a', label: 'Agreed' }];")).toEqual(['Agreed']);
    expect(texts("document.title = 'Cases';")).toEqual(['Cases']);
    expect(texts("if (window.confirm('Delete it?')) go();")).toEqual(['Delete it?']);
  });

  it('lets through what i18next says and what is not words', () => {
    const source = `
      const a = (
        <Stack gap="md" data-testid="case-list" aria-labelledby="title">
          <TextInput label={t('cases.name')} placeholder={t('cases.namePlaceholder', { n })} />
          <Text c="dimmed">{t('cases.count', { count })} · {formatDate(date)} — 3/4 {' '}</Text>
          <Trans i18nKey="cases.help" />
        </Stack>
      );
      notifications.show({ color: 'teal', message: t('cases.saved') });`;
    expect(texts(source)).toEqual([]);
  });
});
