import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import type { SearchResult } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { keys } from '../../casework/api';
import { DateField } from '../../casework/components';
import { formatDate, optional } from '../../casework/format';
import { CASEWORK_NS } from '../../casework/i18n';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { NoAccess } from '../NotFoundPage';

interface Criteria {
  q?: string | undefined;
  dateOfBirth?: string | undefined;
  caseNumber?: string | undefined;
}

/** Find a person or a case: by name (accents and small typos forgiven), date of birth, case number. */
export function SearchPage() {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const [q, setQ] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [criteria, setCriteria] = useState<Criteria | null>(null);
  const [missing, setMissing] = useState(false);
  const allowed = Boolean(session?.abilities.casework);
  const results = useQuery({
    queryKey: [...keys.search, criteria],
    queryFn: async () =>
      (await api.get<{ items: SearchResult[] }>('/api/people/search', { ...criteria, limit: 50 })).items,
    enabled: allowed && criteria !== null,
    // Names typed here may be hers: not kept once the page is left.
    gcTime: 0,
  });
  if (!session || !allowed) return <NoAccess />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { q: optional(q), dateOfBirth: optional(dateOfBirth), caseNumber: optional(caseNumber) };
    const empty = !next.q && !next.dateOfBirth && !next.caseNumber;
    setMissing(empty);
    if (!empty) setCriteria(next);
  };
  const victimSide = session.user.side === 'victim';

  return (
    <Stack maw={1100}>
      <div>
        <PageTitle documentTitle={t('search.title')}>{t('search.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('search.intro')}
        </Text>
      </div>
      <search aria-label={t('search.title')}>
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t('search.name')}
              description={t('search.nameHint')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              autoComplete="off"
              error={missing ? t('search.missing') : undefined}
              w={320}
            />
            <DateField
              label={t('fields.dateOfBirth')}
              value={dateOfBirth}
              onChange={setDateOfBirth}
              description={t('search.dobHint')}
            />
            <TextInput
              label={t('search.caseNumber')}
              description={t('search.caseNumberHint')}
              value={caseNumber}
              onChange={(e) => setCaseNumber(e.currentTarget.value)}
              autoComplete="off"
              w={220}
            />
            <Button type="submit" mt={44} loading={results.isFetching}>
              {t('search.submit')}
            </Button>
          </Group>
        </form>
      </search>
      <FormAlert error={results.error} />
      {results.data && (
        <section aria-label={t('search.results')}>
          {results.data.length === 0 ? (
            <Text data-testid="search-empty">{t('search.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="sm">
                <Table.Caption>{t('search.caption', { count: results.data.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('search.columns.name')}</Table.Th>
                    <Table.Th>{t('search.columns.kind')}</Table.Th>
                    <Table.Th>{t('fields.dateOfBirth')}</Table.Th>
                    <Table.Th>{t('search.columns.open')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {results.data.map((result) => (
                    <Table.Tr key={result.personId}>
                      <Table.Td fw={600}>{result.name}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={
                            result.kind === 'perpetrator'
                              ? 'indigo'
                              : result.kind === 'partner'
                                ? 'grape'
                                : 'cyan'
                          }
                        >
                          {t(`enums.personKind.${result.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDate(i18n.language, result.dateOfBirth)}</Table.Td>
                      <Table.Td>
                        <Group gap="sm">
                          {result.kind === 'partner' && victimSide && (
                            <Anchor component={Link} to={`/victims/${result.personId}`}>
                              {t('search.herFile')}
                            </Anchor>
                          )}
                          {result.ppEpisodeIds.map((id, index) => (
                            <Anchor key={id} component={Link} to={`/programme/${id}`}>
                              {result.ppEpisodeIds.length > 1
                                ? t('search.programmeN', { n: index + 1 })
                                : t('search.programme')}
                            </Anchor>
                          ))}
                          {result.jointCaseIds.map((id, index) => (
                            <Anchor key={id} component={Link} to={`/cases/${id}`}>
                              {result.jointCaseIds.length > 1
                                ? t('search.jointCaseN', { n: index + 1 })
                                : t('search.jointCase')}
                            </Anchor>
                          ))}
                          {session.abilities.manageUsers && result.agencyId === session.user.agencyId && (
                            <Anchor component={Link} to={`/people/${result.personId}/access-log`}>
                              {t('accessLog.link')}
                            </Anchor>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      )}
    </Stack>
  );
}
