import { Badge, Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type RouteOutput, routes } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call } from '../../../api/client';
import { useAgencyDirectory } from '../../../api/directory';
import { formatDateTime } from '../../../app/i18n/labels';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { NoAccess } from '../../../components/NotFound';
import { Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { auditKeys } from '../api';

type AccessLogItem = RouteOutput<typeof routes.audit.accessLog>['items'][number];

const OUTCOME_COLOURS: Record<string, string> = { success: 'teal', denied: 'orange', failure: 'red' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The agency admin (data-protection contact) asks for a person's access log by record reference. */
export function AccessLogLookupPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const navigate = useNavigate();
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (!session?.abilities.manageUsers || !session.user.agencyId) return <NoAccess />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = reference.trim();
    if (!UUID.test(value)) {
      setError(t('accessLog.badReference'));
      return;
    }
    navigate(`/people/${value}/access-log`);
  };
  return (
    <Stack maw={760}>
      <div>
        <PageTitle documentTitle={t('accessLog.title')}>{t('accessLog.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('accessLog.lookupIntro')}
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start">
          <TextInput
            label={t('accessLog.reference')}
            description={t('accessLog.referenceHint')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={error}
            autoComplete="off"
            w={420}
          />
          <Button type="submit" mt={44}>
            {t('accessLog.show')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

/** Who read, changed or received this person's data, when, and on which basis. Never the content. */
export function AccessLogPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const directory = useAgencyDirectory();
  const allowed = Boolean(session?.abilities.manageUsers && session.user.agencyId);
  const log = useQuery({
    queryKey: auditKeys.accessLog(id ?? ''),
    queryFn: async () => (await call(routes.audit.accessLog, { params: { id: id ?? '' } })).items,
    enabled: allowed && Boolean(id),
  });
  if (!allowed) return <NoAccess />;

  const basis = (value: AccessLogItem['basis']) => {
    if (!value) return '—';
    const parts: string[] = [];
    if ('agreementId' in value) parts.push(t('accessLog.basis.agreement'));
    if ('consentId' in value) parts.push(t('accessLog.basis.consent'));
    if ('jointCaseId' in value) parts.push(t('accessLog.basis.jointCase'));
    if ('release' in value) parts.push(t('accessLog.basis.release'));
    return parts.length ? parts.join(' · ') : t('accessLog.basis.other');
  };

  return (
    <Stack maw={1200}>
      <div>
        <PageTitle documentTitle={t('accessLog.title')}>{t('accessLog.title')}</PageTitle>
        <Group gap="xs" mt={-8}>
          <Text c="dimmed">{t('accessLog.intro')}</Text>
          <Code>{id}</Code>
        </Group>
      </div>
      <Loading query={log}>
        <Table.ScrollContainer minWidth={820}>
          <Table striped verticalSpacing="xs" fz="sm">
            <Table.Caption>{t('accessLog.caption', { count: log.data?.length ?? 0 })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accessLog.columns.when')}</Table.Th>
                <Table.Th>{t('accessLog.columns.who')}</Table.Th>
                <Table.Th>{t('accessLog.columns.agency')}</Table.Th>
                <Table.Th>{t('accessLog.columns.what')}</Table.Th>
                <Table.Th>{t('accessLog.columns.outcome')}</Table.Th>
                <Table.Th>{t('accessLog.columns.basis')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(log.data ?? []).map((entry, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log, shown once and never reordered
                <Table.Tr key={`${entry.occurredAt}-${index}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(i18n.language, entry.occurredAt)}
                  </Table.Td>
                  <Table.Td>{entry.actorName ?? t('accessLog.system')}</Table.Td>
                  <Table.Td>{entry.actorAgencyId ? directory.nameOf(entry.actorAgencyId) : '—'}</Table.Td>
                  <Table.Td>
                    {t(`accessLog.actions.${entry.action.replaceAll('.', '_')}`, {
                      defaultValue: entry.action,
                    })}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={OUTCOME_COLOURS[entry.outcome] ?? 'gray'}>
                      {t(`accessLog.outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{basis(entry.basis)}</Table.Td>
                </Table.Tr>
              ))}
              {log.data?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>{t('accessLog.empty')}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Loading>
    </Stack>
  );
}
