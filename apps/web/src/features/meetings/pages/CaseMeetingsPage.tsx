import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { Loading } from '../../../components/PageParts';
import { useSession } from '../../auth/session';
import { useCaseMeetings, useJointCaseView } from '../api';
import { CallMeetingForm } from '../components/CallMeetingForm';
import { formatInZone } from '../components/meetingTime';
import { CaseMeetingFrame, MeetingBadges } from '../components/parts';

/** The meetings of a joint case — planned automatically — and the way to call an extraordinary one. */
export function CaseMeetingsPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const session = useSession().data;
  const meetings = useCaseMeetings(id);
  const jointCase = useJointCaseView(id);
  // The case's team calls extraordinary meetings while the case is open: the case says who may.
  const mayCall = Boolean(jointCase.data?.can.callMeeting);
  const now = Date.now();

  return (
    <CaseMeetingFrame
      jointCaseId={id}
      active="meetings"
      title={(caseNumber) => t('list.title', { case: caseNumber })}
    >
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="meetings-list">
        <Title order={2} size="h4" id="meetings-list">
          {t('list.heading')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('list.description')}
        </Text>
        <Loading query={meetings}>
          {(meetings.data ?? []).length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('list.empty')}
            </Text>
          ) : (
            <Table verticalSpacing="xs" aria-labelledby="meetings-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.when')}</Table.Th>
                  <Table.Th>{t('list.what')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...(meetings.data ?? [])]
                  .sort((a, b) => b.scheduledFor.localeCompare(a.scheduledFor))
                  .map((meeting) => (
                    <Table.Tr
                      key={meeting.id}
                      style={{
                        background:
                          meeting.status === 'planned' &&
                          new Date(meeting.scheduledFor).getTime() < now + 7 * 86_400_000
                            ? 'var(--mantine-color-indigo-0)'
                            : undefined,
                      }}
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600}>
                          {formatInZone(i18n.language, meeting.scheduledFor, meeting.timeZone)}
                        </Anchor>
                        {meeting.heldAt && (
                          <Text size="xs" c="dimmed">
                            {t('meeting.heldAt', {
                              date: formatInZone(i18n.language, meeting.heldAt, meeting.timeZone),
                            })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <MeetingBadges meeting={meeting} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )}
        </Loading>
      </Card>
      {session && mayCall && jointCase.data && (
        <CallMeetingForm jointCase={jointCase.data} session={session} />
      )}
    </CaseMeetingFrame>
  );
}
