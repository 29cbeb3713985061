import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { SeriousHarmShareView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sideLabel } from '../../../app/i18n/labels';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Facts } from '../../../components/PageParts';
import { ShareStatusBadge, TellingBadge } from './badges';
import { DecisionForm } from './DecisionForm';
import { TellingForm } from './TellingForm';

/** One share, in full, as her service sees it: what, to whom, on which basis, who decided, and telling her. */
export function ShareItem({ share }: { share: SeriousHarmShareView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const { t: ti } = useTranslation();
  const [telling, setTelling] = useState(false);
  const date = (iso: string | null) => formatDate(i18n.language, iso);
  const headingId = `serious-harm-${share.id}`;
  const recipient = `${share.recipientAgencyName} (${sideLabel(ti, share.recipientSide)})`;

  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" mb={6} gap="xs">
        <Text size="sm" fw={700} id={headingId}>
          {t('seriousHarm.share.heading', {
            recipient: share.recipientAgencyName,
            date: date(share.recordedOn),
          })}
        </Text>
        <Group gap="xs">
          <ShareStatusBadge status={share.status} />
          {share.status === 'authorised' && <TellingBadge status={share.telling.status} />}
        </Group>
      </Group>
      <Facts
        items={[
          [t('seriousHarm.share.recipient'), recipient],
          [t('seriousHarm.share.atRisk'), t(`seriousHarm.atRisk.${share.atRisk}`)],
          [
            t('seriousHarm.share.basis'),
            `${t(`seriousHarm.basis.${share.lawfulBasis}`)} — ${share.legalReference}`,
          ],
          [t('seriousHarm.share.reason'), share.reason],
          [t('seriousHarm.share.content'), share.content],
          [
            t('seriousHarm.share.recordedBy'),
            t('seriousHarm.share.byOn', {
              name: share.recordedBy ?? t('seriousHarm.share.someone'),
              date: date(share.recordedOn),
            }),
          ],
          [
            t(
              share.status === 'declined' ? 'seriousHarm.share.declinedBy' : 'seriousHarm.share.authorisedBy',
            ),
            share.decidedOn
              ? t('seriousHarm.share.byOn', {
                  name: share.decidedBy ?? t('seriousHarm.share.someone'),
                  date: date(share.decidedOn),
                })
              : t('seriousHarm.share.awaitingDecision'),
          ],
          [t('seriousHarm.share.decisionNote'), share.decisionNote],
          [
            t('seriousHarm.share.readable'),
            share.readableByRecipient
              ? t('seriousHarm.share.readableUntil', { date: date(share.validTo) })
              : t('seriousHarm.share.notReadable', { date: date(share.validTo) }),
          ],
          [t('seriousHarm.share.telling'), share.status === 'authorised' ? tellingText() : null],
          [
            t('seriousHarm.share.review'),
            share.review &&
              t('seriousHarm.share.reviewed', {
                outcome: t(`seriousHarm.review.outcome.${share.review.outcome}`),
                name: share.review.reviewedBy ?? t('seriousHarm.share.someone'),
                date: date(share.review.reviewedOn),
              }),
          ],
        ]}
      />
      {(share.can.decide || share.can.recordTelling) && (
        <Stack gap="sm" mt="sm">
          {share.can.decide && <DecisionForm share={share} />}
          {share.can.recordTelling &&
            (telling ? (
              <TellingForm share={share} onClose={() => setTelling(false)} />
            ) : (
              <Group>
                <Button variant="default" onClick={() => setTelling(true)}>
                  {t('seriousHarm.tell.open')}
                </Button>
              </Group>
            ))}
        </Stack>
      )}
    </Paper>
  );

  function tellingText(): string {
    const { telling: told } = share;
    if (told.status === 'told') return t('seriousHarm.telling.toldOn', { date: date(told.toldOn) });
    if (told.status === 'postponed')
      return t('seriousHarm.telling.postponedUntil', {
        date: date(told.reviewOn),
        reason: told.postponedReason ?? '',
      });
    return t('seriousHarm.telling.notYet');
  }
}
