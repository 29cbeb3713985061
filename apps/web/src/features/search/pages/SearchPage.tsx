import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { SearchQuery } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate } from '../../../components/format';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { NoAccess } from '../../../components/NotFound';
import { DateField } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { type SearchCriteria, useSearch } from '../api';

/** Find a person or a case: by name (accents and small typos forgiven), date of birth, case number. */
export function SearchPage() {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const [criteria, setCriteria] = useState<SearchCriteria | null>(null);
  const allowed = Boolean(session?.abilities.casework);
  const results = useSearch(criteria, allowed);
  const form = useSchemaForm({
    schema: SearchQuery,
    initialValues: { q: '', dateOfBirth: '', caseNumber: '' },
    onSubmit: ({ q, dateOfBirth, caseNumber }) => {
      if (q || dateOfBirth || caseNumber) return setCriteria({ q, dateOfBirth, caseNumber });
      form.setFieldError('q', t('search.missing'));
      form.getInputNode('q')?.focus();
    },
  });
  if (!session || !allowed) return <NoAccess />;

  return (
    <Stack maw={1100}>
      <div>
        <PageTitle documentTitle={t('search.title')}>{t('search.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('search.intro')}
        </Text>
      </div>
      <search aria-label={t('search.title')}>
        <form onSubmit={form.submit} noValidate>
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t('search.name')}
              description={t('search.nameHint')}
              {...form.getInputProps('q')}
              autoComplete="off"
              w={320}
            />
            <DateField
              label={t('fields.dateOfBirth')}
              {...form.getInputProps('dateOfBirth')}
              description={t('search.dobHint')}
            />
            <TextInput
              label={t('search.caseNumber')}
              description={t('search.caseNumberHint')}
              {...form.getInputProps('caseNumber')}
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
                          {result.kind === 'partner' && session.abilities.supportVictims && (
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
