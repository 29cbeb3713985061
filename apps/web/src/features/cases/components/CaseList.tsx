import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Empty } from '../../../components/PageParts';
import type { JointCaseSummaryView } from '../api';

/** Joint cases as a short table: number, status (and a reassessment due), opened. */
export function CaseList({ cases, empty }: { cases: JointCaseSummaryView[]; empty: string }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  if (cases.length === 0) return <Empty>{empty}</Empty>;
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cases.columns.number')}</Table.Th>
          <Table.Th>{t('cases.columns.status')}</Table.Th>
          <Table.Th>{t('cases.columns.opened')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cases.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
                {c.caseNumber}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <Badge
                  variant="light"
                  color={c.status === 'open' ? 'teal' : 'gray'}
                  style={{ minWidth: 'max-content' }}
                >
                  {t(`enums.caseStatus.${c.status}`)}
                </Badge>
                {c.reassessmentDue && (
                  <Badge variant="light" color="orange" style={{ minWidth: 'max-content' }}>
                    {t('cases.reassessmentDue')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDate(i18n.language, c.createdAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
