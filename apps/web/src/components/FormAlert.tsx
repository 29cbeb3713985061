import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';
import { errorMessage } from '../api/messages';
import { HER_DETAILS } from './forms/herDetailsError';

interface Props {
  error: unknown;
  /** Fields the form shows next to their input; other field messages are listed here. */
  shownFields?: readonly string[];
  title?: string;
  /** Context-specific wording for some error codes. */
  messages?: Record<string, string>;
}

/** The message of a failed request, read out by screen readers (role="alert"). */
export function FormAlert({ error, shownFields = [], title, messages }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const others = isApiError(error) ? error.otherFieldMessages(shownFields) : [];
  // When every message is already under its field, the alert only points there.
  const onlyShownFields = isApiError(error) && error.fields.length > 0 && others.length === 0;
  // Kept back by the worker herself (her details in joint text): nothing went wrong.
  const heading =
    isApiError(error) && error.code === HER_DETAILS ? t('errors.notSaved') : t('common.errorTitle');
  return (
    <Alert color="red" variant="light" title={title ?? heading} role="alert">
      {onlyShownFields ? t('errors.checkFields') : errorMessage(error, t, messages)}
      {others.length > 0 && (
        <List size="sm" mt="xs">
          {others.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
