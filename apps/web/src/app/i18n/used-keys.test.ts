import { describe, expect, it } from 'vitest';
import { LOCALE_FILES } from './all-locales';
import { CASEWORK_NS, INSTRUMENTS_NS, INTERFACE_NS, MEETINGS_NS } from './namespaces';
import { buildResources } from './resources';
import { flattenMessages } from './translation-parity';
import { findUsedKeys, type NamespaceNames } from './used-keys';

const sources = import.meta.glob<string>(
  ['../../**/*.ts', '../../**/*.tsx', '!../../**/*.test.ts', '!../../**/*.test.tsx'],
  { query: '?raw', import: 'default', eager: true },
);

const NAMES: NamespaceNames = {
  constants: { INTERFACE_NS, CASEWORK_NS, MEETINGS_NS, INSTRUMENTS_NS },
  defaultNs: INTERFACE_NS,
};

/** English has every key (locales.test.ts holds the other languages to English's keys). */
const english = new Map(
  Object.entries(buildResources(LOCALE_FILES.filter((file) => file.language === 'en')).en ?? {}).map(
    ([ns, tree]) => [ns, [...flattenMessages(tree).keys()]],
  ),
);
const PLURAL = /_(zero|one|two|few|many|other)$/;

function isDefined(namespace: string | null, key: string, prefix: boolean): boolean {
  const namespaces = namespace === null ? [...english.values()] : [english.get(namespace) ?? []];
  return namespaces.some((keys) =>
    prefix
      ? keys.some((k) => k.startsWith(key))
      : // a plural's forms, or a whole object of messages (returnObjects)
        keys.some((k) => k === key || k.replace(PLURAL, '') === key || k.startsWith(`${key}.`)),
  );
}

const undefinedKeys = (path: string, source: string) =>
  findUsedKeys(path, source, NAMES)
    .filter((used) => !isDefined(used.namespace, used.key, used.prefix))
    .map((used) => `${used.line}: ${used.namespace ?? '(any)'}:${used.key}${used.prefix ? '…' : ''}`);

describe('the keys the code uses', () => {
  it('are many (the check sees them)', () => {
    const count = Object.entries(sources).reduce(
      (sum, [path, source]) => sum + findUsedKeys(path, source, NAMES).length,
      0,
    );
    expect(count).toBeGreaterThan(1000);
  });

  it('are all in English, in the namespace the code asks', () => {
    const missing: Record<string, string[]> = {};
    for (const [path, source] of Object.entries(sources)) {
      const found = undefinedKeys(path, source);
      if (found.length > 0) missing[path] = found;
    }
    expect(missing).toEqual({});
  });

  it('the check finds a key English lacks, or one asked of the wrong namespace', () => {
    const source = `
      function Panel() {
        const { t } = useTranslation(MEETINGS_NS);
        const label = t('no.such.key');
        return <Inner />;
        function Inner() {
          const { t: tc } = useTranslation(CASEWORK_NS);
          return <p>{tc(open ? 'no.such.open' : 'no.such.closed')} {t(\`no.such.\${x}\`)}</p>;
        }
      }
      const other = (t: Translate) => t('translation:no.such.word');`;
    expect(undefinedKeys('probe.tsx', source)).toEqual([
      '4: meetings:no.such.key',
      '8: casework:no.such.open',
      '8: casework:no.such.closed',
      '8: meetings:no.such.…',
      '11: translation:no.such.word',
    ]);
    const known = [...(english.get(INTERFACE_NS) ?? [])][0];
    expect(undefinedKeys('probe.tsx', `const { t } = useTranslation(); t('${known}');`)).toEqual([]);
    expect(
      undefinedKeys('probe.tsx', `const { t } = useTranslation(MEETINGS_NS); t('${known}');`),
    ).toHaveLength(1);
  });
});
