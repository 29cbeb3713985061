import { Anchor, Button, List, Stack, Table, Text } from '@mantine/core';
import type { PpEpisodeView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAgencyDirectory } from '../../../api/directory';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Empty, Section } from '../../../components/PageParts';
import { partnerDisplayName } from './partnerLabel';
import { ReleaseForm } from './ReleaseForm';

/**
 * His signed release and the partners he named (docs/domain.md, "The protocol"). What is entered
 * about her goes to the victim-side service chosen and never comes back: the programme keeps her
 * relationship to him and a number ("Current partner 1").
 */
export function ReleaseSection({
  episode,
  myAgencyId,
}: {
  episode: PpEpisodeView;
  myAgencyId: string | null;
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const directory = useAgencyDirectory();
  const [editing, setEditing] = useState(false);
  const { release } = episode;

  return (
    <Section
      id="episode-release"
      title={t('release.title')}
      description={t('release.description')}
      actions={
        episode.can.recordRelease &&
        !editing && (
          <Button size="xs" variant={release ? 'default' : 'filled'} onClick={() => setEditing(true)}>
            {release ? t('release.update') : t('release.record')}
          </Button>
        )
      }
    >
      {release ? (
        <Stack gap={4}>
          <Text size="sm">
            {t('release.signedOn', { date: formatDate(i18n.language, release.signedOn) })}
          </Text>
          <Text size="sm" fw={600}>
            {t('release.covers')}
          </Text>
          <List size="sm">
            {release.scope.map((kind) => (
              <List.Item key={kind}>{t(`enums.kind.${kind}`)}</List.Item>
            ))}
          </List>
          {release.noPartnersReason && episode.partners.length === 0 && (
            <Text size="sm">{t('release.noPartnersBecause', { reason: release.noPartnersReason })}</Text>
          )}
        </Stack>
      ) : (
        <Empty>{t('release.none')}</Empty>
      )}

      <Text fw={600} size="sm" mt="xs">
        {t('release.partnersNamed')}
      </Text>
      {episode.partners.length === 0 ? (
        <Empty>{t('release.noPartners')}</Empty>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('release.columns.partner')}</Table.Th>
                <Table.Th>{t('release.columns.relationship')}</Table.Th>
                <Table.Th>{t('release.columns.service')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {episode.partners.map((partner) => (
                <Table.Tr key={partner.id}>
                  <Table.Td>
                    {partner.partnerPersonId && partner.partnerContactAgencyId === myAgencyId ? (
                      <Anchor
                        component={Link}
                        to={`/victims/${partner.partnerPersonId}?episode=${episode.id}`}
                        fw={600}
                      >
                        {t('release.openHerFile', { label: partnerDisplayName(t, partner) })}
                      </Anchor>
                    ) : (
                      partnerDisplayName(t, partner)
                    )}
                  </Table.Td>
                  <Table.Td>{t(`enums.relationship.${partner.relationship}`)}</Table.Td>
                  <Table.Td>{directory.nameOf(partner.partnerContactAgencyId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {episode.can.recordRelease && episode.partners.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('release.labelsOnly')}
        </Text>
      )}

      {editing && <ReleaseForm episode={episode} onClose={() => setEditing(false)} />}
    </Section>
  );
}
