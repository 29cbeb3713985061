import type { AgencyKind, AuditOutcome, Language, Role, Side } from '@tandem/shared';
import type { Translate } from '../../components/forms/translateIssue';
import { UI_LANGUAGES } from './languages';

/** Plain words for the enumerations of @tandem/shared, in the user's language. */
export const roleLabel = (t: Translate, role: Role | string) => t(`roles.${role}`, { defaultValue: role });
export const sideLabel = (t: Translate, side: Side) => t(`sides.${side}.label`);
export const sideDescription = (t: Translate, side: Side) => t(`sides.${side}.description`);
export const agencyKindLabel = (t: Translate, kind: AgencyKind) => t(`agencyKinds.${kind}`);
export const outcomeLabel = (t: Translate, outcome: AuditOutcome) => t(`audit.outcomes.${outcome}`);
export const languageName = (language: Language) => UI_LANGUAGES[language]?.name ?? language;

/** "Agency administrator and Trainer" / "Amministratore dell'ente e Formatore". */
export function listFormat(language: string, items: string[]): string {
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

export function formatDateTime(language: string, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
