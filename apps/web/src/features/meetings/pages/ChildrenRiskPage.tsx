import { Anchor, Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { NoAccess } from '../../../components/NotFound';
import { Empty, Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { useDefinitions } from '../../instruments/api';
import { LevelBadge } from '../../instruments/components/parts';
import { levelPosition } from '../../instruments/logic';
import { useChildrenRisk } from '../api';
import { MarkerBadges } from '../components/children/AssessmentHistory';
import { casePagePath, formatDay } from '../components/parts';

/**
 * The child-protection lead's view (README, "Children, one by one"): each child's newest
 * Section B level and markers, across the cases whose agreements give the reader's agency the
 * children — the server decides which; nothing about where a child is.
 */
export function ChildrenRiskPage() {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const session = useSession().data;
  const view = useChildrenRisk();
  const definitions = useDefinitions();
  if (session && !session.abilities.assessChildren) return <NoAccess />;
  const definitionOf = (instrumentId: string, version: number) =>
    definitions.data?.find(
      (definition) => definition.id === instrumentId && definition.version === version,
    ) ??
    // A record under an older version is labelled with the newest one (the list holds newest versions only).
    definitions.data?.find((definition) => definition.id === instrumentId);
  // The highest levels first: the children the lead looks at before the others.
  const rank = (instrumentId: string, version: number, level: string) =>
    levelPosition(definitionOf(instrumentId, version)?.levels ?? [], level) ?? 0;
  const children = [...(view.data?.children ?? [])].sort(
    (a, b) =>
      rank(b.instrumentId, b.version, b.level) - rank(a.instrumentId, a.version, a.level) ||
      b.assessedOn.localeCompare(a.assessedOn),
  );

  return (
    <Stack maw={1000}>
      <div>
        <PageTitle documentTitle={t('childrenRisk.title')}>{t('childrenRisk.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('childrenRisk.intro')}
        </Text>
      </div>
      <Loading query={view}>
        {children.length === 0 ? (
          <Empty>{t('childrenRisk.empty')}</Empty>
        ) : (
          <Card withBorder radius="md" padding="md">
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" aria-label={t('childrenRisk.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('childrenRisk.child')}</Table.Th>
                    <Table.Th>{t('childSectionB.level')}</Table.Th>
                    <Table.Th>{t('assessment.markers')}</Table.Th>
                    <Table.Th>{t('childrenRisk.assessedOn')}</Table.Th>
                    <Table.Th>{t('childrenRisk.case')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {children.map((child) => (
                    <Table.Tr key={`${child.childPersonId}-${child.jointCaseId}`}>
                      <Table.Td fw={600}>{child.firstName}</Table.Td>
                      <Table.Td>
                        <LevelBadge
                          definition={definitionOf(child.instrumentId, child.version)}
                          level={child.level}
                          size="sm"
                        />
                      </Table.Td>
                      <Table.Td>
                        <MarkerBadges markers={child.markers} />
                      </Table.Td>
                      <Table.Td>{formatDay(i18n.language, child.assessedOn)}</Table.Td>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={casePagePath(child.jointCaseId, 'children')}
                          size="sm"
                          aria-label={t('childrenRisk.openNamed', { name: child.firstName })}
                        >
                          {t('childrenRisk.open')}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </Loading>
    </Stack>
  );
}
