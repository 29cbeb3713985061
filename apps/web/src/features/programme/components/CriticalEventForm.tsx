import { Alert, Button, Group, NativeSelect, Radio, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CRITICAL_EVENT_KINDS,
  type CriticalEventKind,
  CriticalEventRecord,
  INFORMATION_SOURCES,
  routes,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { useAgencyDirectory } from '../../../api/directory';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { todayIso } from '../../../components/format';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField } from '../../../components/PageParts';
import { caseKeys, useRefreshCasework } from '../../cases/api';
import { programmeKeys } from '../api';

type Source = (typeof INFORMATION_SOURCES)[number];
const RAISES_DUTY: readonly CriticalEventKind[] = ['order_breach', 'safety_concern', 'dropout'];

/**
 * A critical event on his programme episode (docs/domain.md, "Critical events"): reassessment becomes due at
 * once; a breach or a safety concern asks the partner-contact service to inform her. On the
 * victim side the worker chooses whether it is about her (it stays on her side) or a concern
 * about him the case shares.
 */
export function CriticalEventForm({
  episodeId,
  herId,
  jointCaseId,
  onDone,
}: {
  episodeId: string;
  /** Her record, when the user is on the victim side and may record the event as hers. */
  herId?: string | undefined;
  jointCaseId?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const directory = useAgencyDirectory();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.cases.recordCriticalEvent>) =>
      call(routes.cases.recordCriticalEvent, { params: { id: episodeId }, body }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('events.saved') });
      refresh(programmeKeys.episode(episodeId), ...(jointCaseId ? [caseKeys.case(jointCaseId)] : []));
      onDone?.();
    },
  });
  const form = useSchemaForm({
    schema: CriticalEventRecord,
    initialValues: {
      kind: '' as CriticalEventKind | '',
      occurredOn: todayIso(),
      source: (herId ? 'her' : 'him') as Source,
      sourceAgencyId: '',
      description: '',
      aboutHer: 'her' as 'her' | 'case',
    },
    toInput: ({ aboutHer, ...values }) => ({
      ...(blankToUndefined(values) as object),
      sourceAgencyId: values.source === 'agency' ? values.sourceAgencyId || undefined : undefined,
      aboutPartnerId: herId && aboutHer === 'her' ? herId : undefined,
    }),
    onSubmit: async (body) => {
      await save.mutateAsync(body);
      form.setValues({ kind: '', description: '' });
    },
  });
  const { kind, source } = form.values;

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('events.formLabel')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('events.kind')}
          required
          {...form.getInputProps('kind')}
          data={[
            { value: '', label: t('common.choose') },
            ...CRITICAL_EVENT_KINDS.map((k) => ({ value: k, label: t(`enums.eventKind.${k}`) })),
          ]}
          maw={360}
        />
        {kind && RAISES_DUTY.includes(kind) && (
          <Alert color="indigo" variant="light" p="xs">
            {kind === 'dropout' ? t('events.dropoutHint') : t('events.dutyHint')}
          </Alert>
        )}
        <DateField
          label={t('events.occurredOn')}
          {...form.getInputProps('occurredOn')}
          max={todayIso()}
          required
        />
        <NativeSelect
          label={t('events.source')}
          {...form.getInputProps('source')}
          data={INFORMATION_SOURCES.map((s) => ({ value: s, label: t(`enums.source.${s}`) }))}
          maw={360}
        />
        {source === 'agency' && (
          <NativeSelect
            label={t('events.sourceAgency')}
            {...form.getInputProps('sourceAgencyId')}
            data={[
              { value: '', label: t('common.choose') },
              ...directory.list.map((a) => ({ value: a.id, label: a.name })),
            ]}
            maw={420}
          />
        )}
        <Textarea
          label={t('events.description')}
          required
          {...form.getInputProps('description')}
          autosize
          minRows={3}
        />
        {herId && (
          <Radio.Group label={t('events.whoSees')} {...form.getInputProps('aboutHer')}>
            <Stack gap="xs" mt="xs">
              <Radio
                value="her"
                label={t('events.keepVictimSide')}
                description={t('events.keepVictimSideHint')}
              />
              <Radio
                value="case"
                label={t('events.shareWithCase')}
                description={t('events.shareWithCaseHint')}
              />
            </Stack>
          </Radio.Group>
        )}
        <SchemaFormAlert form={form} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('events.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
