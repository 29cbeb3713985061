import { CONTACT_FIELDS, type ContactField } from '@tandem/shared';
import { type ApiError, type ApiFieldError, isApiError } from '../../api/errors';

// Apart from the dialog (herDetails.tsx), so that every form's alert can know the answer without
// bringing a modal into the sign-in page's download.

/** The API's answer when joint free text contains one of her recorded details (docs/domain.md, rule 1). */
export const HER_DETAILS = 'her_details';

export const isHerDetails = (error: unknown): error is ApiError =>
  isApiError(error) && error.status === 409 && error.code === HER_DETAILS;

/** Which of her details a match holds: the server names it in `detail` (address, phone, e-mail …). */
export function matchedDetail(match: ApiFieldError): ContactField | null {
  return (CONTACT_FIELDS as readonly string[]).includes(match.detail ?? '')
    ? (match.detail as ContactField)
    : null;
}
