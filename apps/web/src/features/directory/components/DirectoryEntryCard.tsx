import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { DirectoryEntryView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { agencyKindLabel, listFormat } from '../../../app/i18n/labels';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { spokenLanguageName } from './languages';

/** One service as it describes itself: approach, target groups, languages, partner contact, lines. */
export function DirectoryEntryCard({
  entry,
  onEdit,
}: {
  entry: DirectoryEntryView;
  onEdit?: (entry: DirectoryEntryView) => void;
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const { t: tm } = useTranslation();
  const headingId = `directory-entry-${entry.agencyId}`;
  return (
    <Card
      withBorder
      padding="lg"
      component="article"
      aria-labelledby={headingId}
      data-testid="directory-entry"
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {entry.name}
            </Title>
            <Text size="sm" c="dimmed">
              {agencyKindLabel(tm, entry.kind)} · {entry.region}
            </Text>
          </div>
          <Group gap="xs" justify="flex-end">
            {entry.inNetwork && (
              <Badge color="teal" variant="light">
                {t('directory.inNetwork')}
              </Badge>
            )}
            {entry.providesPartnerContact && (
              <Badge color="grape" variant="light">
                {t('directory.partnerContact')}
              </Badge>
            )}
            {!entry.listed && (
              <Badge color="gray" variant="outline">
                {t('directory.unlisted')}
              </Badge>
            )}
          </Group>
        </Group>
        {entry.approach && <Text style={{ whiteSpace: 'pre-line' }}>{entry.approach}</Text>}
        <dl className="directory-facts" style={{ margin: 0 }}>
          <Text component="dt" size="sm" fw={600}>
            {t('directory.targetGroupsLabel')}
          </Text>
          <Text component="dd" size="sm" ms={0} mb="xs">
            {entry.targetGroups.length
              ? listFormat(
                  i18n.language,
                  entry.targetGroups.map((group) => t(`directory.targetGroups.${group}`)),
                )
              : '—'}
          </Text>
          <Text component="dt" size="sm" fw={600}>
            {t('directory.languagesLabel')}
          </Text>
          <Text component="dd" size="sm" ms={0} mb="xs">
            {entry.languages.length
              ? listFormat(
                  i18n.language,
                  entry.languages.map((code) => spokenLanguageName(code, i18n.language)),
                )
              : '—'}
          </Text>
          <Text component="dt" size="sm" fw={600}>
            {t('directory.partnerContactLabel')}
          </Text>
          <Text component="dd" size="sm" ms={0} mb="xs">
            {entry.providesPartnerContact ? t('directory.yes') : t('directory.no')}
          </Text>
          <Text component="dt" size="sm" fw={600}>
            {t('directory.contactPointsLabel')}
          </Text>
          <Text component="dd" size="sm" ms={0}>
            {entry.contactPoints.length === 0 ? (
              '—'
            ) : (
              <List size="sm" listStyleType="none" spacing={2}>
                {entry.contactPoints.map((point, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the entry's own order, never reordered here
                  <List.Item key={index}>
                    <Text span fw={500}>
                      {point.label}
                    </Text>
                    {point.phone && (
                      <>
                        {' · '}
                        <Anchor href={`tel:${point.phone.replace(/[^\d+]/g, '')}`}>{point.phone}</Anchor>
                      </>
                    )}
                    {point.email && (
                      <>
                        {' · '}
                        <Anchor href={`mailto:${point.email}`}>{point.email}</Anchor>
                      </>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Text>
        </dl>
        {entry.can.edit && onEdit && (
          <Group justify="flex-end">
            <Button
              variant="default"
              size="xs"
              onClick={() => onEdit(entry)}
              aria-label={t('directory.editNamed', { name: entry.name })}
            >
              {t('directory.edit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
