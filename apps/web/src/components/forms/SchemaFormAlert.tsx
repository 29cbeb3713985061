import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../FormAlert';
import type { SchemaForm } from './useSchemaForm';

/**
 * What a schema form could not show at an input: the server's answer (its message, and field
 * messages without an input), or the browser's messages about no single input.
 */
export function SchemaFormAlert({
  form,
  title,
  messages,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any form's values
  form: Pick<SchemaForm<any, any>, 'serverError' | 'shownFields' | 'unshownErrors'>;
  title?: string;
  messages?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (form.serverError)
    return (
      <FormAlert error={form.serverError} shownFields={form.shownFields} title={title} messages={messages} />
    );
  if (form.unshownErrors.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert">
      <List size="sm">
        {[...new Set(form.unshownErrors)].map((message) => (
          <List.Item key={message}>{message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
