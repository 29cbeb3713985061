import { Alert, Button, Card, Checkbox, Group, List, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MeetingClose, type MeetingView, type SessionView } from '@tandem/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../api/errors';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { DateTimeField } from '../../../../components/DateTimeField';
import type { HerDetailsCheck } from '../../../../components/forms/herDetails';
import { SchemaFormAlert } from '../../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../../components/forms/useSchemaForm';
import { seenDescription } from '../../../../components/SeenByProgramme';
import { type CaseTeamMember, useCloseMeeting } from '../../api';
import type { JointMeetingField } from '../agenda/context';
import { nowInZone, wallTimeToIso } from '../meetingTime';

/** Someone who may have attended: the case's team, and whoever records the meeting. */
type Attendee = Omit<CaseTeamMember, 'role'> & { role: CaseTeamMember['role'] | null };
/** The attendance list starts with the case managers ticked; the partner-contact worker joins when needed. */
const TICKED_AT_FIRST: Record<CaseTeamMember['role'], boolean> = {
  pp_case_manager: true,
  vss_case_manager: true,
  partner_contact_worker: false,
};

/** The agenda items a refused close names (`agenda.<item>`). */
export const openItemsOf = (error: unknown): string[] =>
  isApiError(error) && error.code === 'agenda_incomplete'
    ? error.fields.map((field) => field.path.replace(/^agenda\./, ''))
    : [];

/**
 * Who attended, when the meeting was held (if not now), the minutes and decisions, and Close —
 * refused by the server while an item is open. Minutes and decisions are joint text.
 */
export function CloseSection({
  meeting,
  team,
  session,
  herDetails,
  seen,
  onIncomplete,
}: {
  meeting: MeetingView;
  team: CaseTeamMember[];
  session: SessionView;
  herDetails: HerDetailsCheck;
  seen: (field: JointMeetingField) => boolean;
  onIncomplete: (items: string[]) => void;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const close = useCloseMeeting(meeting);
  const zone = meeting.timeZone;
  const members: Attendee[] = team.some((member) => member.id === session.user.id)
    ? team
    : [...team, { id: session.user.id, name: session.user.displayName, role: null }];
  // The two case managers meet: both start ticked (and whoever records); untick who did not come.
  const defaults = members
    .filter((member) => member.id === session.user.id || (member.role && TICKED_AT_FIRST[member.role]))
    .map((member) => member.id);
  // A meeting is closed once it has been held: never at a time still to come.
  const schema = useMemo(
    () =>
      MeetingClose.refine((value) => !value.heldAt || Date.parse(value.heldAt) <= Date.now() + 60_000, {
        path: ['heldAt'],
        message: t('close.heldAtFuture'),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    initialValues: { attendance: defaults, heldAt: '', minutes: '', decisions: '' },
    toInput: (values) =>
      blankToUndefined({ ...values, heldAt: wallTimeToIso(values.heldAt, zone) ?? values.heldAt }),
    onSubmit: async (body) => {
      try {
        await herDetails.send((confirmHerDetails) => close.mutateAsync({ ...body, confirmHerDetails }));
      } catch (failure) {
        const items = openItemsOf(failure);
        if (items.length > 0) onIncomplete(items);
        throw failure;
      }
      notifications.show({ color: 'teal', message: t('close.closed') });
      window.scrollTo({ top: 0 });
    },
  });
  const openItems = openItemsOf(form.serverError);

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="close-title">
      <form onSubmit={form.submit} noValidate aria-labelledby="close-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="close-title">
            {t('close.title')}
          </Title>
          <Checkbox.Group label={t('close.attendance')} {...form.getInputProps('attendance')} withAsterisk>
            <Group gap="lg" mt={6}>
              {members.map((member) => (
                <Checkbox
                  key={member.id}
                  value={member.id}
                  label={member.role ? `${member.name} (${t(`role.${member.role}`)})` : member.name}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <DateTimeField
            label={t('close.heldAt')}
            description={t('close.heldAtHint', { zone })}
            {...form.getInputProps('heldAt')}
            max={nowInZone(zone)}
          />
          <Textarea
            label={t('close.decisions')}
            description={seenDescription(t('close.decisionsHint'), seen('decisions'))}
            {...form.getInputProps('decisions')}
            autosize
            minRows={2}
            maxLength={8000}
          />
          <Textarea
            label={t('close.minutes')}
            description={seenDescription(t('close.minutesHint'), seen('minutes'))}
            {...form.getInputProps('minutes')}
            autosize
            minRows={2}
            maxLength={20000}
          />
          {openItems.length > 0 ? (
            <Alert color="red" variant="light" role="alert" title={t('close.incompleteTitle')}>
              {t('close.incompleteBody')}
              <List size="sm" mt={4}>
                {openItems.map((item) => (
                  <List.Item key={item}>{t(`agenda.${item}.title`, { defaultValue: item })}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <SchemaFormAlert form={form} />
          )}
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={close.isPending}>
              {t('close.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
