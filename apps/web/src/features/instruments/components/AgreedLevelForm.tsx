import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { AgreedLevelCreate, type InstrumentDefinition, type JointRiskView } from '@tandem/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { HerDetailsDialog, useHerDetailsCheck } from '../../../components/forms/herDetails';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField } from '../../../components/PageParts';
import { seenDescription } from '../../../components/SeenByProgramme';
import { useAgreeLevel } from '../api';
import { localized, todayIso } from '../logic';
import { Block, formatDate, levelLabel, notifySaved } from './parts';

/**
 * The case managers' agreed level and why; it sets the next reassessment. The rationale is
 * joint: the programme reads it as written, so her side is asked before one holding her details
 * is saved.
 */
export function AgreedLevelForm({
  jointCaseId,
  view,
  definition,
}: {
  jointCaseId: string;
  view: JointRiskView;
  definition: InstrumentDefinition;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const agree = useAgreeLevel(jointCaseId);
  const herDetails = useHerDetailsCheck();
  const today = todayIso();
  const levels = definition.levels ?? [];
  // An agreement is recorded once it was reached: never on a later day.
  const schema = useMemo(
    () =>
      AgreedLevelCreate.refine((value) => value.agreedOn <= today, {
        path: ['agreedOn'],
        message: t('form.errors.future'),
      }),
    [today, t],
  );
  const form = useSchemaForm({
    schema,
    initialValues: {
      level: '',
      rationale: '',
      agreedOn: today,
      ppResponseId: view.perpetratorSide?.id ?? '',
      vssResponseId: view.victimSide?.id ?? '',
    },
    onSubmit: async (body) => {
      const next = await herDetails.send((confirmHerDetails) =>
        agree.mutateAsync({ ...body, confirmHerDetails }),
      );
      form.setValues({ level: '', rationale: '' });
      // A lower level is a proposal until the other side's case manager confirms it.
      const proposed = next.pendingLowering?.level === body.level && next.agreed?.level !== body.level;
      notifySaved(
        proposed
          ? t('agree.proposed', { level: levelLabel(levels, body.level, language) })
          : t('agree.saved', {
              level: levelLabel(levels, next.agreed?.level ?? body.level, language),
              date: formatDate(language, next.nextReassessmentOn),
            }),
      );
    },
  });

  return (
    <Block id="agree" title={t('agree.title')} description={t('agree.description')}>
      <form onSubmit={form.submit} noValidate aria-labelledby="agree">
        <Stack gap="md">
          <Text size="sm">
            {t('agree.context', {
              pp: levelLabel(levels, view.perpetratorSide?.level ?? null, language),
              vss: levelLabel(levels, view.victimSide?.level ?? null, language),
            })}
          </Text>
          <NativeSelect
            label={t('agree.level')}
            {...form.getInputProps('level')}
            data={[
              { value: '', label: t('agree.chooseLevel') },
              ...levels.map((candidate) => ({
                value: candidate.id,
                label: localized(candidate.label, language),
              })),
            ]}
            required
            maw={320}
          />
          <Textarea
            label={t('agree.rationale')}
            description={seenDescription(t('agree.rationaleHint'))}
            {...form.getInputProps('rationale')}
            required
            autosize
            minRows={3}
            maxLength={4000}
          />
          <DateField label={t('agree.agreedOn')} {...form.getInputProps('agreedOn')} max={today} required />
          <SchemaFormAlert form={form} />
          <Group>
            <Button type="submit" loading={agree.isPending}>
              {t('agree.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <HerDetailsDialog check={herDetails} labels={{ rationale: t('agree.rationale') }} />
    </Block>
  );
}
