import { Alert, Button, Group, NativeSelect, Radio, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CRITICAL_EVENT_KINDS,
  CriticalEventCreate,
  type CriticalEventKind,
  INFORMATION_SOURCES,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { FormAlert } from '../components/FormAlert';
import { keys, useAgencyDirectory, useRefreshCasework } from './api';
import { DateField } from './components';
import { optional, todayIso } from './format';
import { useFormErrors } from './forms';
import { CASEWORK_NS } from './i18n';
import type { Created } from './types';

type Source = (typeof INFORMATION_SOURCES)[number];
const RAISES_DUTY: readonly CriticalEventKind[] = ['order_breach', 'safety_concern', 'dropout'];

/**
 * A critical event on his programme episode (DOMAIN.md §2 step 7): reassessment becomes due at
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
  const [kind, setKind] = useState<CriticalEventKind | ''>('');
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [source, setSource] = useState<Source>(herId ? 'her' : 'him');
  const [sourceAgencyId, setSourceAgencyId] = useState('');
  const [description, setDescription] = useState('');
  const [aboutHer, setAboutHer] = useState<'her' | 'case'>('her');

  const save = useMutation({
    mutationFn: (body: unknown) => api.post<Created>(`/api/pp-episodes/${episodeId}/critical-events`, body),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('events.saved') });
      setKind('');
      setDescription('');
      refresh(keys.ppEpisode(episodeId), ...(jointCaseId ? [keys.jointCase(jointCaseId)] : []));
      onDone?.();
    },
  });
  const form = useFormErrors(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(CriticalEventCreate, {
      kind: kind || undefined,
      occurredOn,
      source,
      sourceAgencyId: source === 'agency' ? optional(sourceAgencyId) : undefined,
      description,
    });
    if (!body) return;
    save.mutate(herId && aboutHer === 'her' ? { ...body, aboutPartnerId: herId } : body);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('events.formLabel')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('events.kind')}
          required
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as CriticalEventKind)}
          error={form.errorAt('kind')}
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
          value={occurredOn}
          onChange={setOccurredOn}
          error={form.errorAt('occurredOn')}
          max={todayIso()}
          required
        />
        <NativeSelect
          label={t('events.source')}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value as Source)}
          error={form.errorAt('source')}
          data={INFORMATION_SOURCES.map((s) => ({ value: s, label: t(`enums.source.${s}`) }))}
          maw={360}
        />
        {source === 'agency' && (
          <NativeSelect
            label={t('events.sourceAgency')}
            value={sourceAgencyId}
            onChange={(e) => setSourceAgencyId(e.currentTarget.value)}
            error={form.errorAt('sourceAgencyId')}
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
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={form.errorAt('description')}
          autosize
          minRows={3}
        />
        {herId && (
          <Radio.Group
            label={t('events.whoSees')}
            value={aboutHer}
            onChange={(v) => setAboutHer(v as 'her' | 'case')}
          >
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
        <FormAlert
          error={save.error}
          shownFields={['kind', 'occurredOn', 'source', 'sourceAgencyId', 'description']}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('events.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
