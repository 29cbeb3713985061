import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { routes } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../../api/client';
import { CASEWORK_NS } from '../../../../app/i18n/namespaces';
import { FormAlert } from '../../../../components/FormAlert';
import { todayIso } from '../../../../components/format';
import { DateField } from '../../../../components/PageParts';
import { partnerKeys } from '../../../partners/api';
import { useRefreshCasework } from '../../api';

/** Her consent to the joint case, recorded here when it is missing (it is the case's basis). */
export function QuickConsent({ personId, error }: { personId: string; error: React.ReactNode }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const [givenOn, setGivenOn] = useState(todayIso());
  const save = useMutation({
    mutationFn: () =>
      call(routes.victim.giveConsent, { params: { id: personId }, body: { scope: 'joint_case', givenOn } }),
    onSuccess: () => {
      refresh(partnerKeys.victim(personId));
      notifications.show({
        color: 'teal',
        message: t('consents.saved', { scope: t('enums.consentScope.joint_case'), count: 1 }),
      });
    },
  });
  return (
    <Alert color="yellow" variant="light" title={t('jointCaseNew.noConsentTitle')} data-path="consentId">
      <Stack gap="xs">
        <Text size="sm">{t('jointCaseNew.noConsent')}</Text>
        {error && (
          <Text size="sm" c="red.8">
            {error}
          </Text>
        )}
        <Group align="flex-end">
          <DateField
            label={t('consents.givenOn')}
            value={givenOn}
            onChange={setGivenOn}
            max={todayIso()}
            required
          />
          <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
            {t('jointCaseNew.recordConsent')}
          </Button>
        </Group>
        <FormAlert error={save.error} />
      </Stack>
    </Alert>
  );
}
