import { List, Text } from '@mantine/core';
import { CONTACT_FIELDS, type ContactField } from '@tandem/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiFieldError } from '../../api/errors';
import { CASEWORK_NS } from '../../app/i18n/namespaces';
import { ConfirmModal } from '../ConfirmModal';
import { useConfirmation } from '../useConfirmation';
import { isHerDetails, matchedDetail } from './herDetailsError';

/**
 * Saving joint free text that the programme reads as written: if the server finds her address,
 * phone, e-mail, shelter, workplace or the children's school in it, the worker is asked, and the
 * request is sent again with `confirmHerDetails: true` only if she confirms. Declined, the
 * matches show at their inputs (the form's usual field errors), in the worker's language.
 *
 *   const herDetails = useHerDetailsCheck();
 *   onSubmit: (body) => herDetails.send((confirmHerDetails) => save.mutateAsync({ ...body, confirmHerDetails }))
 *   <HerDetailsDialog check={herDetails} labels={{ notes: t('decision.notes') }} />
 */
export function useHerDetailsCheck() {
  const { t } = useTranslation(CASEWORK_NS);
  const confirmation = useConfirmation();
  const { ask } = confirmation;
  const [matches, setMatches] = useState<ApiFieldError[]>([]);

  const send = useCallback(
    async <T,>(request: (confirmHerDetails: true | undefined) => Promise<T>): Promise<T> => {
      try {
        return await request(undefined);
      } catch (error) {
        if (!isHerDetails(error)) throw error;
        setMatches(error.fields);
        if (await ask()) return request(true);
        throw new ApiError(
          error.status,
          error.code,
          t('herDetails.declined'),
          error.fields.map((field) => ({ path: field.path, message: detailMessage(t, field) })),
        );
      }
    },
    [ask, t],
  );

  return { send, matches, confirmation };
}

export type HerDetailsCheck = ReturnType<typeof useHerDetailsCheck>;

const detailMessage = (
  t: (key: string, options?: Record<string, unknown>) => string,
  match: ApiFieldError,
) => {
  const detail = matchedDetail(match);
  return detail ? t('herDetails.contains', { detail: t(`herDetails.details.${detail}`) }) : match.message;
};

/** The question, naming each field and the detail found in it. */
export function HerDetailsDialog({
  check,
  labels,
}: {
  check: HerDetailsCheck;
  /** The label of each field the request may send, by its path. */
  labels: Record<string, string>;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  const { confirmation, matches } = check;
  return (
    <ConfirmModal
      opened={confirmation.opened}
      title={t('herDetails.title')}
      confirmLabel={t('herDetails.confirm')}
      danger
      onConfirm={confirmation.confirm}
      onClose={confirmation.cancel}
    >
      <Text size="sm">{t('herDetails.body')}</Text>
      <List size="sm" my="xs" data-testid="her-details-matches">
        {matches.map((match) => (
          <List.Item key={`${match.path}-${match.message}`}>
            <strong>{labels[match.path] ?? match.path}:</strong> {detailMessage(t, match)}
          </List.Item>
        ))}
      </List>
      <Text size="sm">{t('herDetails.question')}</Text>
    </ConfirmModal>
  );
}
