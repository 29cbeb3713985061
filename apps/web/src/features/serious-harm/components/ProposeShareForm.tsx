import { Alert, NativeSelect, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  AGENCY_KIND_SIDES,
  AT_RISK,
  LAWFUL_BASES,
  type LawfulBasis,
  SERIOUS_HARM_MAX_DAYS,
  SeriousHarmShareCreate,
  type Side,
  type VictimFileView,
} from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { useAgencyDirectory } from '../../../api/directory';
import { ApiError, isApiError } from '../../../api/errors';
import { sideLabel } from '../../../app/i18n/labels';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { todayIso } from '../../../components/format';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField } from '../../../components/PageParts';
import { addDaysIso, useProposeShare } from '../api';

/** The API's answers when content for the programme holds her recorded details: no override. */
const HER_DETAILS_REFUSALS: readonly string[] = ['her_details_to_perpetrator', 'her_details'];

/** The reading window offered first: long enough for the emergency, well under the maximum. */
const DEFAULT_DAYS = 30;

/** The provision most often relied on for each basis, offered until the worker writes another. */
const SUGGESTED_REFERENCE: Record<LawfulBasis, string> = {
  vital_interests: 'GDPR art. 6(1)(d), 9(2)(c)',
  legal_duty: 'GDPR art. 6(1)(c)',
};

/**
 * The exceptional path: her information shared without her consent because someone is at risk
 * of serious harm. It is only recorded here; a second case manager of her service authorises it
 * before the recipient can read anything.
 */
export function ProposeShareForm({ file, onClose }: { file: VictimFileView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const { t: ti } = useTranslation();
  const personId = file.person.id;
  const directory = useAgencyDirectory();
  const propose = useProposeShare(personId);
  const today = todayIso();
  const agencies = directory.list.filter((a) => a.active && a.id !== file.person.ownerAgencyId);
  const openCases = file.jointCases.filter((c) => c.status === 'open');

  const form = useSchemaForm({
    schema: SeriousHarmShareCreate,
    initialValues: {
      // Her one open joint case, if she has one: a programme receives only within it.
      jointCaseId: openCases.length === 1 ? (openCases[0]?.id ?? '') : '',
      recipientAgencyId: '',
      recipientSide: '' as Side | '',
      atRisk: '',
      lawfulBasis: '' as LawfulBasis | '',
      legalReference: '',
      reason: '',
      content: '',
      validTo: addDaysIso(today, DEFAULT_DAYS),
    },
    onSubmit: async (body) => {
      if (sides.length > 1 && !body.recipientSide) {
        form.setFieldError('recipientSide', t('seriousHarm.form.sideRequired'));
        return;
      }
      try {
        await propose.mutateAsync(body);
      } catch (error) {
        // Her details never go to the programme, and no one can confirm otherwise: said in the worker's language.
        if (isApiError(error) && HER_DETAILS_REFUSALS.includes(error.code)) {
          const message = t('seriousHarm.form.herDetailsNever');
          throw new ApiError(error.status, error.code, message, [{ path: 'content', message }]);
        }
        throw error;
      }
      notifications.show({ color: 'teal', message: t('seriousHarm.form.saved') });
      onClose();
    },
  });

  const recipient = directory.byId.get(form.values.recipientAgencyId);
  const sides: readonly Side[] = recipient ? AGENCY_KIND_SIDES[recipient.kind] : [];
  const basis = form.values.lawfulBasis;
  const maxDate = addDaysIso(today, SERIOUS_HARM_MAX_DAYS);

  const chooseBasis = (next: string) => {
    const previous = basis ? SUGGESTED_REFERENCE[basis] : '';
    const reference = form.values.legalReference;
    form.setValues({
      lawfulBasis: next as LawfulBasis,
      // Only the suggestion is replaced, never what the worker wrote.
      ...((reference === '' || reference === previous) && {
        legalReference: SUGGESTED_REFERENCE[next as LawfulBasis],
      }),
    });
  };

  return (
    <Paper withBorder p="md" radius="md" style={{ borderColor: 'var(--mantine-color-red-7)' }}>
      <form onSubmit={form.submit} noValidate aria-labelledby="serious-harm-form-title">
        <Stack gap="sm">
          <Text fw={700} id="serious-harm-form-title">
            {t('seriousHarm.form.title')}
          </Text>
          <Alert color="red" variant="light" title={t('seriousHarm.form.exceptionalTitle')}>
            {t('seriousHarm.form.exceptional')}
          </Alert>
          <NativeSelect
            label={t('seriousHarm.form.recipient')}
            description={t('seriousHarm.form.recipientHint')}
            required
            {...form.getInputProps('recipientAgencyId')}
            onChange={(e) => form.setValues({ recipientAgencyId: e.currentTarget.value, recipientSide: '' })}
            data={[
              { value: '', label: t('common.choose') },
              ...agencies.map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
          {sides.length > 1 && (
            <Radio.Group
              label={t('seriousHarm.form.side')}
              description={t('seriousHarm.form.sideHint')}
              required
              {...form.getInputProps('recipientSide')}
            >
              <Stack gap={6} mt={4}>
                {sides.map((side) => (
                  <Radio key={side} value={side} label={sideLabel(ti, side)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {openCases.length > 0 && (
            <NativeSelect
              label={t('seriousHarm.form.jointCase')}
              {...form.getInputProps('jointCaseId')}
              data={[
                { value: '', label: t('seriousHarm.form.noJointCase') },
                ...openCases.map((c) => ({ value: c.id, label: c.caseNumber || c.id })),
              ]}
            />
          )}
          <Radio.Group label={t('seriousHarm.form.atRisk')} required {...form.getInputProps('atRisk')}>
            <Stack gap={6} mt={4}>
              {AT_RISK.map((who) => (
                <Radio key={who} value={who} label={t(`seriousHarm.atRisk.${who}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group
            label={t('seriousHarm.form.lawfulBasis')}
            required
            {...form.getInputProps('lawfulBasis')}
            onChange={chooseBasis}
          >
            <Stack gap={6} mt={4}>
              {LAWFUL_BASES.map((b) => (
                <Radio
                  key={b}
                  value={b}
                  label={t(`seriousHarm.basis.${b}`)}
                  description={t(`seriousHarm.basisHint.${b}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('seriousHarm.form.legalReference')}
            description={t('seriousHarm.form.legalReferenceHint')}
            required
            maxLength={300}
            {...form.getInputProps('legalReference')}
          />
          <Textarea
            label={t('seriousHarm.form.reason')}
            description={t('seriousHarm.form.reasonHint')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('reason')}
          />
          <Textarea
            label={t('seriousHarm.form.content')}
            description={t('seriousHarm.form.contentHint')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('content')}
          />
          <DateField
            label={t('seriousHarm.form.validTo')}
            description={t('seriousHarm.form.validToHint', { days: SERIOUS_HARM_MAX_DAYS })}
            required
            min={today}
            max={maxDate}
            {...form.getInputProps('validTo')}
          />
          <Text size="sm" c="dimmed">
            {t('seriousHarm.form.fourEyes')}
          </Text>
          <SchemaFormAlert form={form} />
          <FormActions
            onCancel={onClose}
            pending={propose.isPending}
            submitLabel={t('seriousHarm.form.submit')}
          />
        </Stack>
      </form>
    </Paper>
  );
}
