import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { useDefinition } from '../../../instruments/api';
import { LevelBadge } from '../../../instruments/components/parts';
import type { ChildrenViewData } from '../../api';
import { formatDay } from '../parts';

type Assessment = ChildrenViewData['assessments'][number];
type Markers = Assessment['markers'];

const MARKERS = ['underAge', 'medicalNeeds', 'notVisibleToOthers', 'withinPostSeparationWindow'] as const;

/** The markers that hold, as badges (none: a dash). */
export function MarkerBadges({ markers }: { markers: Markers }) {
  const { t } = useTranslation(MEETINGS_NS);
  const held = MARKERS.filter((marker) => markers[marker]);
  if (held.length === 0) return <>—</>;
  return (
    <Group gap={4}>
      {held.map((marker) => (
        <Badge key={marker} size="xs" variant="light" color="orange">
          {t(`assessment.marker.${marker}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** A record's Section B level, labelled by the instrument version it was scored under. */
function RecordLevel({ sectionB }: { sectionB: NonNullable<Assessment['sectionB']> }) {
  const { t } = useTranslation(MEETINGS_NS);
  const definition = useDefinition(sectionB.instrumentId, sectionB.version);
  return (
    <Group gap={4}>
      <LevelBadge definition={definition.data} level={sectionB.level} size="sm" />
      {sectionB.judgedLevel && (
        <Text span size="xs" c="dimmed">
          {t('childSectionB.judged')}
        </Text>
      )}
      {sectionB.refusedItems.length > 0 && (
        <Text span size="xs" c="dimmed">
          {t('childSectionB.refusedCount', { count: sectionB.refusedItems.length })}
        </Text>
      )}
    </Group>
  );
}

/** One child's assessments, newest first: the level each gave, the markers, and how the child was assessed. */
export function AssessmentHistory({ assessments, name }: { assessments: Assessment[]; name: string }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} fz="sm" aria-label={t('children.historyOf', { name })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('assessment.assessedOn')}</Table.Th>
            <Table.Th>{t('childSectionB.level')}</Table.Th>
            <Table.Th>{t('assessment.markers')}</Table.Th>
            <Table.Th>{t('assessment.consentFrom')}</Table.Th>
            <Table.Th>{t('assessment.supportPerson')}</Table.Th>
            <Table.Th>{t('assessment.professional')}</Table.Th>
            <Table.Th>{t('assessment.principles')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...assessments].reverse().map((assessment) => (
            <Table.Tr key={assessment.id}>
              <Table.Td>{formatDay(i18n.language, assessment.assessedOn)}</Table.Td>
              <Table.Td>
                {assessment.sectionB ? <RecordLevel sectionB={assessment.sectionB} /> : '—'}
              </Table.Td>
              <Table.Td>
                <MarkerBadges markers={assessment.markers} />
              </Table.Td>
              <Table.Td>{t(`assessment.consent.${assessment.parentConsentFrom}`)}</Table.Td>
              <Table.Td>{assessment.supportPerson ?? '—'}</Table.Td>
              <Table.Td>
                {assessment.professionalGenderChosen
                  ? t(`assessment.gender.${assessment.professionalGenderChosen}`, {
                      defaultValue: assessment.professionalGenderChosen,
                    })
                  : '—'}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color="teal" variant="light" leftSection="✓">
                  {t('assessment.followed')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
