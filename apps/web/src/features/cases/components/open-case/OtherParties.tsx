import {
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { AGREEMENT_RECEIVABLE_KINDS, type AgencyView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../../app/i18n/namespaces';
import type { OpenCaseForm } from './openCaseForm';

let nextKey = 1;
/** A further party of the case agreement, as the form holds it (the key only keeps React's rows apart). */
export const newParty = () => ({ key: nextKey++, agencyId: '', receives: [] as string[] });

/** The further agencies of the case agreement (police, probation, child protection…) and what each receives. */
export function OtherParties({ form, agencies }: { form: OpenCaseForm; agencies: AgencyView[] }) {
  const { t } = useTranslation(CASEWORK_NS);
  const path = 'agreement.otherParties';
  return (
    <>
      <Text size="sm" fw={600}>
        {t('jointCaseNew.otherAgencies')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('jointCaseNew.otherAgenciesHint')}
      </Text>
      {form.values.agreement.otherParties.map((party, index) => (
        <Fieldset
          key={party.key}
          variant="filled"
          legend={
            <Group gap="xs">
              <span>{t('jointCaseNew.agencyN', { n: index + 1 })}</span>
              <CloseButton
                size="sm"
                aria-label={t('jointCaseNew.removeAgency', { n: index + 1 })}
                onClick={() => form.removeListItem(path, index)}
              />
            </Group>
          }
        >
          <Stack gap="xs">
            <NativeSelect
              label={t('jointCaseNew.agency')}
              required
              {...form.getInputProps(`${path}.${index}.agencyId`)}
              data={[
                { value: '', label: t('common.choose') },
                ...agencies.map((a) => ({ value: a.id, label: a.name })),
              ]}
            />
            <Checkbox.Group
              label={t('jointCaseNew.receives')}
              {...form.getInputProps(`${path}.${index}.receives`)}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
                {AGREEMENT_RECEIVABLE_KINDS.map((kind) => (
                  <Checkbox key={kind} value={kind} label={t(`enums.kind.${kind}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <Button variant="default" size="xs" onClick={() => form.insertListItem(path, newParty())}>
          {t('jointCaseNew.addAgency')}
        </Button>
      </Group>
    </>
  );
}
