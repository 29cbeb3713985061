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
import { routes, VssEpisodeCreate } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type BodyOf, call } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate, todayIso } from '../../../components/format';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { NoAccess } from '../../../components/NotFound';
import { DateField, Empty, Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { useRefreshCasework } from '../../cases/api';
import { useVisibleEpisodes } from '../../programme/api';
import { PpStatusBadge } from '../../programme/components/PpStatusBadge';
import { partnerDisplayName } from '../../programme/components/partnerLabel';

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
                      {partnerDisplayName(t, partner)}
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
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.victim.openSupport>) => call(routes.victim.openSupport, { body }),
    onSuccess: (episode) => {
      refresh();
      notifications.show({ color: 'teal', message: t('support.opened') });
      navigate(`/victims/${episode.person.id}`);
    },
  });
  const form = useSchemaForm({
    schema: VssEpisodeCreate,
    initialValues: {
      person: { firstName: '', lastName: '', dateOfBirth: '' },
      intakeDate: todayIso(),
      supportGiven: '',
    },
    onSubmit: (body) => save.mutateAsync(body),
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('partners.registerIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.firstName')}
            required
            autoComplete="off"
            {...form.getInputProps('person.firstName')}
          />
          <TextInput
            label={t('fields.lastName')}
            required
            autoComplete="off"
            {...form.getInputProps('person.lastName')}
          />
        </SimpleGrid>
        <DateField
          label={t('fields.dateOfBirth')}
          {...form.getInputProps('person.dateOfBirth')}
          max={todayIso()}
        />
        <DateField label={t('support.intakeDate')} {...form.getInputProps('intakeDate')} required />
        <Textarea
          label={t('support.supportGiven')}
          {...form.getInputProps('supportGiven')}
          autosize
          minRows={2}
        />
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('partners.registerSubmit')} />
      </Stack>
    </form>
  );
}
