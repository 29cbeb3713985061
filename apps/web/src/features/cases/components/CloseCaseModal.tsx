import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { JointCaseClose, type JointCaseView, routes } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { ApiError, isApiError } from '../../../api/errors';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { caseKeys, useRefreshCasework } from '../api';

/** The server's answer when his programme has ended and the closing records are missing. */
const needsClosingReason = (error: unknown) =>
  isApiError(error) && error.status === 409 && error.fields.some((field) => field.path === 'closingReason');

/**
 * Closing the joint case, for everyone. Once his programme has ended, the closing risk
 * assessment and the final questionnaires come first; without them the server answers 409
 * naming `closingReason`, and only then is the reason asked for — it is recorded with the
 * closing (docs/domain.md, "The protocol").
 */
export function CloseCaseModal({
  view,
  opened,
  onClose,
}: {
  view: JointCaseView;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('jointCase.closeTitle', { number: view.caseNumber })}
      centered
    >
      {/* Remounted on each opening: the reason is asked again only if the server asks. */}
      {opened && <CloseForm view={view} onClose={onClose} />}
    </Modal>
  );
}

function CloseForm({ view, onClose }: { view: JointCaseView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = useRefreshCasework();
  const [asksReason, setAsksReason] = useState(false);
  const close = useMutation({
    mutationFn: (body: BodyOf<typeof routes.cases.close>) =>
      call(routes.cases.close, { params: { id: view.id }, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(caseKeys.case(view.id), updated);
      refresh();
      onClose();
      notifications.show({ color: 'indigo', message: t('jointCase.closed', { number: view.caseNumber }) });
    },
  });
  const schema = useMemo(
    () =>
      asksReason
        ? JointCaseClose.refine((value) => Boolean(value.closingReason), {
            path: ['closingReason'],
            message: t('jointCase.closeReasonRequired'),
          })
        : JointCaseClose,
    [asksReason, t],
  );
  const form = useSchemaForm({
    schema,
    initialValues: { closingReason: '' },
    onSubmit: async (body) => {
      try {
        await close.mutateAsync(body);
      } catch (error) {
        if (!needsClosingReason(error) || !isApiError(error)) throw error;
        setAsksReason(true);
        // The reason's input appears with the server's question, in the user's words.
        throw new ApiError(error.status, error.code, t('jointCase.closeNeedsReason'), [
          { path: 'closingReason', message: t('jointCase.closeReasonRequired') },
        ]);
      }
    },
  });

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack>
        <Text>{t('jointCase.closeBody')}</Text>
        {asksReason && (
          <>
            <Alert color="orange" variant="light" role="status">
              {t('jointCase.closeNeedsReason')}
            </Alert>
            <Textarea
              label={t('jointCase.closeReason')}
              description={t('jointCase.closeReasonHint')}
              {...form.getInputProps('closingReason')}
              required
              autosize
              minRows={2}
            />
          </>
        )}
        {/* The reason's question is asked above, and at its input. */}
        {!needsClosingReason(form.serverError) && <SchemaFormAlert form={form} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={close.isPending}>
            {t('jointCase.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
