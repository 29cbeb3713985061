import { readFileSync } from 'node:fs';
import { LANGUAGES, ROLES } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { MAIL_TEXTS, mailDateTime, mailText, placeholdersOf, roleList } from './catalogue.js';
import { en } from './en.js';

/** Every catalogue says what the English one says: the same keys, the same placeholders. */
describe('the account e-mail catalogues', () => {
  const keys = Object.keys(en).sort();

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s has every key English has, and no other',
    (language) => {
      expect(Object.keys(MAIL_TEXTS[language]).sort()).toEqual(keys);
    },
  );

  it.each(LANGUAGES)('%s names, in every text, exactly the placeholders English names', (language) => {
    const texts = MAIL_TEXTS[language] as Record<string, string | undefined>;
    for (const key of keys) {
      const text = texts[key];
      expect(text?.trim(), `${language}/${key}`).toBeTruthy();
      expect(placeholdersOf(text ?? ''), `${language}/${key}`).toEqual(
        placeholdersOf((en as Record<string, string>)[key]!),
      );
    }
  });

  it('has a label for every role', () => {
    for (const role of ROLES) expect(keys).toContain(`role.${role}`);
  });

  it.each(LANGUAGES)('%s labels the roles as the web app does', (language) => {
    const web = JSON.parse(
      readFileSync(
        new URL(`../../../../../web/src/app/i18n/locales/${language}.json`, import.meta.url),
        'utf8',
      ),
    ) as { roles: Record<string, string> };
    for (const role of ROLES) expect(mailText(language, `role.${role}`), role).toBe(web.roles[role]);
  });

  it('refuses to send a text with a placeholder left unfilled', () => {
    expect(() => mailText('it', 'greeting')).toThrow(/\{name\}/);
    expect(mailText('el', 'greeting', { name: 'Ελένη' })).toBe('Γεια σας, Ελένη,');
  });

  it('writes dates in the recipient’s language and the network’s zone, and lists roles as the language does', () => {
    const at = new Date('2026-03-05T09:30:00Z');
    expect(mailDateTime('en', 'Europe/Rome', at)).toBe('5 March 2026 at 10:30 CET');
    expect(mailDateTime('it', 'Europe/Rome', at)).toBe('5 marzo 2026 alle ore 10:30 CET');
    expect(mailDateTime('es', 'Europe/Madrid', at)).toBe('5 de marzo de 2026 a las 10:30 CET');
    expect(mailDateTime('el', 'Europe/Athens', at)).toMatch(/^5 Μαρτίου 2026 στις 11:30/);
    expect(mailDateTime('bg', 'Europe/Sofia', at)).toMatch(/^5 март 2026 г\. в 11:30/);
    expect(roleList('es', ['vss_case_manager', 'partner_contact_worker'])).toBe(
      'Gestión de casos (atención a víctimas) y Contacto con la pareja',
    );
  });
});
