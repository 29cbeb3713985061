import { Anchor, Group, List, Text } from '@mantine/core';
import type { JointCaseView, PpEpisodeView, VictimFileView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Empty, Facts, Section, SubTitle } from '../../../components/PageParts';
import { VictimSideOnly } from '../../../components/VictimSideOnly';
import { OutcomeBadge } from '../../partners/components/badges';
import { PpStatusBadge } from '../../programme/components/PpStatusBadge';

/** His programme as the case shows it: status, attendance, what his release covers. */
export function HisSide({ episode }: { episode: PpEpisodeView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const present = episode.attendance.filter((a) => a.status === 'present').length;
  const unexcused = episode.attendance.filter((a) => a.status === 'absent_unexcused').length;
  const last = episode.attendance.at(-1);
  const history = [...episode.statusHistory].reverse().slice(0, 4);
  return (
    <Section
      id="case-his-side"
      title={t('jointCase.hisSide')}
      actions={
        <Anchor component={Link} to={`/programme/${episode.id}`} size="sm">
          {t('jointCase.openEpisode')}
        </Anchor>
      }
    >
      <Group gap="xs">
        <Text fw={600}>
          {episode.person.firstName} {episode.person.lastName}
        </Text>
        <PpStatusBadge status={episode.status} />
      </Group>
      <Facts
        items={[
          [t('fields.pathway'), t(`enums.pathway.${episode.pathway}`)],
          [t('fields.referralDate'), formatDate(i18n.language, episode.referralDate)],
          [t('fields.intakeDate'), episode.intakeDate ? formatDate(i18n.language, episode.intakeDate) : null],
          [
            t('fields.plannedEndDate'),
            episode.plannedEndDate ? formatDate(i18n.language, episode.plannedEndDate) : null,
          ],
          [
            t('attendance.title'),
            episode.attendance.length
              ? t('jointCase.attendanceSummary', {
                  count: episode.attendance.length,
                  present,
                  unexcused,
                  last: last ? formatDate(i18n.language, last.sessionDate) : '—',
                })
              : null,
          ],
          [
            t('release.covers'),
            episode.release ? episode.release.scope.map((k) => t(`enums.kind.${k}`)).join('; ') : null,
          ],
        ]}
      />
      {history.length > 0 && (
        <>
          <SubTitle>{t('status.history')}</SubTitle>
          <List size="sm" spacing={2}>
            {history.map((change) => (
              <List.Item key={`${change.date}-${change.from}-${change.to}`}>
                {formatDate(i18n.language, change.date)}: {t(`enums.ppStatus.${change.to}`)}
                {change.reason ? ` — ${change.reason}` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Section>
  );
}

/** Her support, for her side only: how to reach her safely, her consents, the partner contacts. */
export function HerSide({
  file,
  contacts,
}: {
  file: VictimFileView;
  contacts: JointCaseView['partnerContacts'];
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const prefs = file.contactPreferences;
  const inForce = file.consents.filter((c) => !c.revokedOn);
  const support = file.episodes.find((e) => e.status === 'open');
  const contact = file.person.contact;
  return (
    <Section
      id="case-her-side"
      title={
        <Group gap="xs" component="span">
          {t('jointCase.herSide')} <VictimSideOnly />
        </Group>
      }
      actions={
        <Anchor component={Link} to={`/victims/${file.person.id}`} size="sm">
          {t('jointCase.openHerFile')}
        </Anchor>
      }
    >
      <Text fw={600}>
        {file.person.firstName} {file.person.lastName}
      </Text>
      <Facts
        items={[
          [
            t('safeContact.channel'),
            prefs ? t(`enums.channel.${prefs.safeChannel}`) : t('duties.notRecorded'),
          ],
          [t('safeContact.safeTimes'), prefs?.safeTimes ?? null],
          [
            t('safeContact.mayLeaveMessage'),
            prefs ? (prefs.mayLeaveMessage ? t('common.yes') : t('safeContact.noMessage')) : null,
          ],
          [t('safeContact.codeWord'), prefs?.codeWord ?? null],
          [t('contactDetails.fields.address'), contact?.address ?? null],
          [t('contactDetails.fields.phone'), contact?.phone ?? null],
          [
            t('support.title'),
            support ? t('support.since', { date: formatDate(i18n.language, support.intakeDate) }) : null,
          ],
          [
            t('jointCase.consentsInForce'),
            inForce.map((c) => t(`enums.consentScope.${c.scope}`)).join('; ') || null,
          ],
        ]}
      />
      <SubTitle>{t('partnerContact.title')}</SubTitle>
      {contacts.length === 0 ? (
        <Empty>{t('partnerContact.none')}</Empty>
      ) : (
        [...contacts].reverse().map((c) => (
          <Group key={c.id} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(i18n.language, c.contactedOn)}
            </Text>
            <OutcomeBadge outcome={c.outcome} />
            <Text size="sm">{c.herViewOfRisk ? t('jointCase.herView', { view: c.herViewOfRisk }) : ''}</Text>
          </Group>
        ))
      )}
    </Section>
  );
}
