import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../../api/errors';
import { CASEWORK_NS } from '../../app/i18n/namespaces';
import { issuePath, translateIssue } from './translateIssue';

export type PathErrors = Record<string, string>;

/**
 * The old casework form-error dialect, superseded by useSchemaForm (components/forms): the forms
 * of her file, the joint case and the network still use it until they are converted.
 * Form errors by full path (`order.reference`, `partners.0.firstName`): the browser's check
 * with the shared schema first, then the server's `fields`. `errorAt(path)` finds the message
 * for an input, also when the server names a deeper path.
 */
export function useFormErrors(serverError: unknown) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation(CASEWORK_NS);
  const [client, setClient] = useState<PathErrors>({});
  const server: PathErrors = {};
  if (isApiError(serverError)) {
    for (const field of serverError.fields) server[field.path] ??= field.message;
  }

  const errorAt = (path: string): string | undefined => {
    if (client[path]) return client[path];
    if (server[path]) return server[path];
    const deeper = Object.keys(server).find((key) => key.startsWith(`${path}.`));
    return deeper ? server[deeper] : undefined;
  };

  /** Checks the input with a shared schema: the parsed value, or null (and the messages shown). */
  function check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null {
    const result = schema.safeParse(input);
    if (result.success) {
      setClient({});
      return result.data;
    }
    const errors: PathErrors = {};
    for (const issue of result.error.issues) {
      errors[issuePath(issue) || '_form'] ??= translateIssue(issue, t, tc);
    }
    setClient(errors);
    return null;
  }

  return { errorAt, check, clientErrors: client, clear: () => setClient({}) };
}
