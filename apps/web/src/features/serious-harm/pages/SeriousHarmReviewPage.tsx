import { Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import type { SeriousHarmReviewItem } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors';
import { sideLabel } from '../../../app/i18n/labels';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { NoAccess } from '../../../components/NotFound';
import { Empty, Facts, Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { useReviewList } from '../api';
import { ShareStatusBadge, TellingBadge } from '../components/badges';
import { ReviewForm } from '../components/ReviewForm';

/**
 * The agency admin reviews how her service used the exceptional path: the process, never the
 * content, the reason or her name — only her record's reference.
 */
export function SeriousHarmReviewPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.manageUsers);
  const list = useReviewList(allowed);
  if (!allowed) return <NoAccess />;
  // An admin of an agency that is no victim service has none to review: the server's 404 says so.
  const notYours = isApiError(list.error) && [403, 404].includes(list.error.status);
  const items = [...(list.data ?? [])].sort((a, b) => b.recordedOn.localeCompare(a.recordedOn));
  return (
    <Stack maw={900}>
      <div>
        <PageTitle documentTitle={t('seriousHarm.reviewPage.title')}>
          {t('seriousHarm.reviewPage.title')}
        </PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('seriousHarm.reviewPage.intro')}
        </Text>
      </div>
      <Loading query={notYours ? { isPending: false, error: null } : list}>
        {items.length === 0 ? (
          <Empty>{t('seriousHarm.reviewPage.empty')}</Empty>
        ) : (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <ReviewEntry key={item.id} item={item} />
            ))}
          </Stack>
        )}
      </Loading>
    </Stack>
  );
}

function ReviewEntry({ item }: { item: SeriousHarmReviewItem }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const { t: ti } = useTranslation();
  const [reviewing, setReviewing] = useState(false);
  const date = (iso: string | null) => formatDate(i18n.language, iso);
  const someone = t('seriousHarm.share.someone');
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs" gap="xs">
        <Text fw={700} component="h2" size="md" m={0}>
          {t('seriousHarm.share.heading', {
            recipient: item.recipientAgencyName,
            date: date(item.recordedOn),
          })}
        </Text>
        <Group gap="xs">
          <ShareStatusBadge status={item.status} />
          {item.status === 'authorised' && <TellingBadge status={item.tellingStatus} />}
        </Group>
      </Group>
      <Facts
        items={[
          [t('seriousHarm.reviewPage.record'), <Code key="ref">{item.personId}</Code>],
          [
            t('seriousHarm.share.recipient'),
            `${item.recipientAgencyName} (${sideLabel(ti, item.recipientSide)})`,
          ],
          [t('seriousHarm.share.atRisk'), t(`seriousHarm.atRisk.${item.atRisk}`)],
          [
            t('seriousHarm.share.basis'),
            `${t(`seriousHarm.basis.${item.lawfulBasis}`)} — ${item.legalReference}`,
          ],
          [
            t('seriousHarm.share.recordedBy'),
            t('seriousHarm.share.byOn', { name: item.recordedBy ?? someone, date: date(item.recordedOn) }),
          ],
          [
            t(item.status === 'declined' ? 'seriousHarm.share.declinedBy' : 'seriousHarm.share.authorisedBy'),
            item.decidedOn
              ? t('seriousHarm.share.byOn', { name: item.decidedBy ?? someone, date: date(item.decidedOn) })
              : t('seriousHarm.share.awaitingDecision'),
          ],
          [t('seriousHarm.share.validTo'), date(item.validTo)],
          [
            t('seriousHarm.reviewPage.tellingReviewOn'),
            item.tellingReviewOn ? date(item.tellingReviewOn) : null,
          ],
          [
            t('seriousHarm.share.review'),
            item.review
              ? t('seriousHarm.share.reviewed', {
                  outcome: t(`seriousHarm.review.outcome.${item.review.outcome}`),
                  name: item.review.reviewedBy ?? someone,
                  date: date(item.review.reviewedOn),
                })
              : t('seriousHarm.reviewPage.notReviewed'),
          ],
          [t('seriousHarm.review.note'), item.review?.note ?? null],
        ]}
      />
      {item.can.review &&
        (reviewing ? (
          <Stack mt="sm">
            <ReviewForm item={item} onClose={() => setReviewing(false)} />
          </Stack>
        ) : (
          <Group mt="sm">
            <Button variant="default" onClick={() => setReviewing(true)}>
              {t(item.review ? 'seriousHarm.review.again' : 'seriousHarm.review.open')}
            </Button>
          </Group>
        ))}
    </Paper>
  );
}
