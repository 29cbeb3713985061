import i18n from '../i18n';
import en from './locales/en.json';
import it from './locales/it.json';

/**
 * The words of the meeting pages (Phase 2 meetings, action plan, safety plans, children) live in
 * a namespace of their own ("meetings"), in English and Italian; other languages fall back to
 * English until they are translated.
 */
export const MEETINGS_NS = 'meetings';
export const meetingMessages: Record<string, Record<string, unknown>> = { en, it };
for (const [language, messages] of Object.entries(meetingMessages)) {
  if (!i18n.hasResourceBundle(language, MEETINGS_NS)) {
    i18n.addResourceBundle(language, MEETINGS_NS, messages, true, false);
  }
}
