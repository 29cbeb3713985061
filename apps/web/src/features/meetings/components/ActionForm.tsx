import { Button, Checkbox, Grid, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ActionCreate, type JointCaseView, type SessionView } from '@tandem/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllAgencies } from '../../../api/directory';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { DateField } from '../../../components/DateField';
import { HerDetailsDialog, useHerDetailsCheck } from '../../../components/forms/herDetails';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { seenDescription } from '../../../components/SeenByProgramme';
import { useAgencyStaff, useCreateAction } from '../api';
import { AddressTooCheckbox, type useAddressToo } from './agenda/AddressToo';
import { addDaysIso, todayIso } from './parts';

/** A new row is due in two weeks unless the meeting says otherwise: the usual term between meetings. */
export const DEFAULT_TERM_DAYS = 14;

/**
 * A new row of the action plan, inline: need, action, term, who. The responsible agency starts
 * as the user's own and the responsible person as the user, to be changed when someone else
 * takes it on; the term starts two weeks from the network's today. A joint row's need and action
 * are read by the programme as written: checked against her recorded details before they are
 * saved. Her own safety measures stay on her side.
 */
export function ActionForm({
  jointCaseId,
  jointCase,
  session,
  meetingId,
  childrenOfCase,
  defaultChildId,
  addressToo,
}: {
  jointCaseId: string;
  jointCase: JointCaseView | undefined;
  session: SessionView;
  meetingId?: string;
  childrenOfCase: { id: string; name: string }[];
  /** On the children's page: the child the row starts with. */
  defaultChildId?: string;
  /** In a meeting: the same submit may also mark the action-plan item addressed. */
  addressToo?: { state: ReturnType<typeof useAddressToo>; address: () => Promise<void> };
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const create = useCreateAction(jointCaseId, meetingId);
  const herDetails = useHerDetailsCheck();
  const agencies = useAllAgencies();
  const myAgency = session.user.agencyId ?? '';
  const initialValues = {
    need: '',
    action: '',
    term: addDaysIso(todayIso(), DEFAULT_TERM_DAYS),
    responsibleAgencyId: myAgency,
    responsibleUserId: session.user.id,
    childPersonId: defaultChildId ?? '',
    victimSideOnly: false,
    meetingId: meetingId ?? '',
  };
  const form = useSchemaForm({
    schema: ActionCreate,
    initialValues,
    onSubmit: async (body) => {
      await herDetails.send((confirmHerDetails) => create.mutateAsync({ ...body, confirmHerDetails }));
      form.setValues(initialValues);
      notifications.show({ color: 'teal', message: t('actions.added') });
      const address = addressToo?.state.checked;
      addressToo?.state.reset();
      if (address) await addressToo?.address();
    },
  });
  const joint = !form.values.victimSideOnly;
  const staff = useAgencyStaff(form.values.responsibleAgencyId || undefined);

  const caseAgencies = useMemo(() => {
    const ids = new Set<string>(
      [
        myAgency,
        jointCase?.perpetratorSide?.agencyId,
        ...(jointCase?.victimSide?.episodes.map((episode) => episode.agencyId) ?? []),
      ].filter((id): id is string => Boolean(id)),
    );
    const all = agencies.data ?? [];
    const first = all.filter((agency) => ids.has(agency.id));
    const rest = all
      .filter((agency) => !ids.has(agency.id) && agency.active)
      .sort((a, b) => a.name.localeCompare(b.name));
    return [...first, ...rest];
  }, [agencies.data, jointCase, myAgency]);
  const agency = form.getInputProps('responsibleAgencyId');
  const responsibleUserId = form.values.responsibleUserId;

  return (
    <>
      <form onSubmit={form.submit} noValidate aria-label={t('actions.addTitle')}>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('actions.addTitle')}
          </Text>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <TextInput
                label={t('actions.need')}
                description={seenDescription(undefined, joint)}
                placeholder={t('actions.needPlaceholder')}
                {...form.getInputProps('need')}
                required
                maxLength={1000}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <TextInput
                label={t('actions.action')}
                description={seenDescription(undefined, joint)}
                placeholder={t('actions.actionPlaceholder')}
                {...form.getInputProps('action')}
                required
                maxLength={2000}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4, lg: 2 }}>
              <DateField
                label={t('actions.term')}
                {...form.getInputProps('term')}
                min={todayIso()}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4, lg: 2 }}>
              <NativeSelect
                label={t('actions.responsibleAgency')}
                {...agency}
                onChange={(event) => {
                  const next = event.currentTarget.value;
                  form.setValues({
                    responsibleAgencyId: next,
                    responsibleUserId: next === myAgency ? session.user.id : '',
                  });
                }}
                data={[
                  { value: '', label: t('actions.chooseAgency') },
                  ...caseAgencies.map((candidate) => ({ value: candidate.id, label: candidate.name })),
                ]}
                required
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4, lg: 2 }}>
              <NativeSelect
                label={t('actions.responsiblePerson')}
                {...form.getInputProps('responsibleUserId')}
                data={[
                  { value: '', label: t('actions.anyone') },
                  ...(staff.data ?? []).map((person) => ({ value: person.id, label: person.displayName })),
                  ...(responsibleUserId === session.user.id &&
                  !(staff.data ?? []).some((person) => person.id === session.user.id)
                    ? [{ value: session.user.id, label: session.user.displayName }]
                    : []),
                ]}
              />
            </Grid.Col>
          </Grid>
          <Group gap="lg" align="center">
            {childrenOfCase.length > 0 && (
              <NativeSelect
                label={t('actions.child')}
                {...form.getInputProps('childPersonId')}
                data={[
                  { value: '', label: t('actions.noChild') },
                  ...childrenOfCase.map((child) => ({ value: child.id, label: child.name })),
                ]}
                w={240}
              />
            )}
            {/* Her service may keep an action on her side only. */}
            {session.abilities.supportVictims && (
              <Checkbox
                mt={childrenOfCase.length > 0 ? 22 : 0}
                label={t('actions.victimSideOnly')}
                description={t('actions.victimSideOnlyHint')}
                {...form.getInputProps('victimSideOnly', { type: 'checkbox' })}
              />
            )}
            <Group gap="md" ml="auto">
              {addressToo && <AddressTooCheckbox item="joint_action_plan" state={addressToo.state} />}
              <Button type="submit" loading={create.isPending}>
                {t('actions.add')}
              </Button>
            </Group>
          </Group>
          <SchemaFormAlert form={form} />
        </Stack>
      </form>
      <HerDetailsDialog
        check={herDetails}
        labels={{ need: t('actions.need'), action: t('actions.action') }}
      />
    </>
  );
}
