import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { VssEpisodeCreate, type VssEpisodeView } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { useRefreshCasework, useVisibleEpisodes } from '../../casework/api';
import { DateField, Empty, Loading, PpStatusBadge } from '../../casework/components';
import { formatDate, optional, todayIso } from '../../casework/format';
import { useFormErrors } from '../../casework/forms';
import { CASEWORK_NS } from '../../casework/i18n';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { NoAccess } from '../NotFoundPage';

/**
 * The partner-contact worker's list: every partner a programme named for this service, with
 * the man's programme and its status, and the way to her file.
 */
export function PartnersPage() {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.supportVictims);
  const visible = useVisibleEpisodes(allowed);
  const [registering, setRegistering] = useState(false);
  if (!session || !allowed) return <NoAccess />;
  const myAgency = session.user.agencyId;

  const rows = visible.episodes.flatMap((episode) =>
    episode.partners
      .filter((partner) => partner.partnerPersonId && partner.partnerContactAgencyId === myAgency)
      .map((partner) => ({ partner, episode })),
  );

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('partners.title')}>{t('partners.title')}</PageTitle>
          <Text c="dimmed" mt={-8}>
            {t('partners.intro')}
          </Text>
        </div>
        <Button variant="default" onClick={() => setRegistering(true)}>
          {t('partners.registerDirect')}
        </Button>
      </Group>
      <Loading query={{ isPending: visible.isPending, error: visible.error }}>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{t('partners.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('partners.columns.partner')}</Table.Th>
                <Table.Th>{t('partners.columns.relationship')}</Table.Th>
                <Table.Th>{t('partners.columns.programme')}</Table.Th>
                <Table.Th>{t('partners.columns.status')}</Table.Th>
                <Table.Th>{t('partners.columns.referred')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ partner, episode }) => (
                <Table.Tr key={partner.id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/victims/${partner.partnerPersonId}?episode=${episode.id}`}
                      fw={600}
                    >
                      {partner.label}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`enums.relationship.${partner.relationship}`)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/programme/${episode.id}`}>
                      {episode.person.firstName} {episode.person.lastName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <PpStatusBadge status={episode.status} />
                  </Table.Td>
                  <Table.Td>
                    {formatDate(i18n.language, episode.release?.signedOn ?? episode.referralDate)}
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Empty>{t('partners.empty')}</Empty>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {visible.truncated && (
          <Alert color="yellow" variant="light">
            {t('partners.truncated')}
          </Alert>
        )}
      </Loading>
      <Modal
        opened={registering}
        onClose={() => setRegistering(false)}
        title={t('partners.registerTitle')}
        size="lg"
        centered
      >
        {registering && <RegisterForm onClose={() => setRegistering(false)} />}
      </Modal>
    </Stack>
  );
}

/** A woman who came to the service directly: her record and her support episode. */
function RegisterForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const navigate = useNavigate();
  const refresh = useRefreshCasework();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [intakeDate, setIntakeDate] = useState(todayIso());
  const [supportGiven, setSupportGiven] = useState('');
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<VssEpisodeView>('/api/vss-episodes', body),
    onSuccess: (episode) => {
      refresh();
      notifications.show({ color: 'teal', message: t('support.opened') });
      navigate(`/victims/${episode.person.id}`);
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(VssEpisodeCreate, {
      person: { firstName, lastName, dateOfBirth: optional(dateOfBirth) },
      intakeDate,
      supportGiven: optional(supportGiven),
    });
    if (body) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('partners.registerIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.firstName')}
            required
            autoComplete="off"
            value={firstName}
            onChange={(e) => setFirstName(e.currentTarget.value)}
            error={form.errorAt('person.firstName')}
          />
          <TextInput
            label={t('fields.lastName')}
            required
            autoComplete="off"
            value={lastName}
            onChange={(e) => setLastName(e.currentTarget.value)}
            error={form.errorAt('person.lastName')}
          />
        </SimpleGrid>
        <DateField
          label={t('fields.dateOfBirth')}
          value={dateOfBirth}
          onChange={setDateOfBirth}
          error={form.errorAt('person.dateOfBirth')}
          max={todayIso()}
        />
        <DateField
          label={t('support.intakeDate')}
          value={intakeDate}
          onChange={setIntakeDate}
          error={form.errorAt('intakeDate')}
          required
        />
        <Textarea
          label={t('support.supportGiven')}
          value={supportGiven}
          onChange={(e) => setSupportGiven(e.currentTarget.value)}
          error={form.errorAt('supportGiven')}
          autosize
          minRows={2}
        />
        <FormAlert error={save.error} shownFields={['person', 'intakeDate', 'supportGiven']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('partners.registerSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
