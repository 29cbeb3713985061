import { describe, expect, it } from 'vitest';

/**
 * The web app shows and hides from abilities only — the session's `abilities` for the
 * navigation, each object's `can` for its actions — and never compares a role or a side
 * (docs/architecture.md, "Policies"): the policy decides on the server, once.
 */
const sources = import.meta.glob<string>(
  ['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

const SIDE = `'(?:perpetrator|victim|neutral)'`;
const FORBIDDEN: readonly [string, RegExp][] = [
  ['a look into the roles', /\broles\??\.(?:includes|some|every|indexOf|find|findIndex|filter)\(/],
  ['a role helper', /\bhas(?:Any)?Roles?\(/],
  ['a role compared', /\brole\s*[!=]==?\s*'[a-z_]+'|'[a-z_]+'\s*[!=]==?\s*role\b/],
  ['a side compared', new RegExp(`[sS]ide\\s*[!=]==?\\s*${SIDE}|${SIDE}\\s*[!=]==?\\s*[\\w.?]*[sS]ide\\b`)],
];

/**
 * Pages still deciding by role or side, each waiting for an ability of its view. The list may
 * only shrink: a file on it that no longer compares fails the test too, so it is taken off.
 */
const AWAITING_ABILITIES: Readonly<Record<string, string>> = {};

/** Not an access decision: which roles an administrator may assign on a side (the user form's data). */
const NOT_ACCESS_DECISIONS: readonly string[] = ['../features/admin/userRoles.ts'];

function findings(source: string): string[] {
  return source
    .split('\n')
    .flatMap((line, index) =>
      FORBIDDEN.filter(([, pattern]) => pattern.test(line)).map(
        ([what]) => `${index + 1}: ${what}: ${line.trim()}`,
      ),
    );
}

describe('abilities, not roles', () => {
  it('no page compares a role or a side', () => {
    const offending: Record<string, string[]> = {};
    for (const [path, source] of Object.entries(sources)) {
      if (NOT_ACCESS_DECISIONS.includes(path) || path in AWAITING_ABILITIES) continue;
      const found = findings(source);
      if (found.length > 0) offending[path] = found;
    }
    expect(offending).toEqual({});
  });

  it('the pages awaiting abilities still need them (take a converted page off the list)', () => {
    const converted = Object.keys(AWAITING_ABILITIES).filter(
      (path) => findings(sources[path] ?? '').length === 0,
    );
    expect(converted).toEqual([]);
  });

  it('catches what it looks for', () => {
    expect(findings("if (session.user.roles.includes('vss_case_manager'))")).toHaveLength(1);
    expect(findings("const mine = user.side === 'victim';")).toHaveLength(1);
    expect(findings("{'perpetrator' !== session.user.side && <Link />}")).toHaveLength(1);
    expect(findings("roles.some((role) => role === 'pp_case_manager')")).toHaveLength(2);
    expect(findings('if (hasRole(actor, x))')).toHaveLength(1);
    expect(findings('const open = episode.can.changeStatus && view.victimSide;')).toEqual([]);
  });
});
