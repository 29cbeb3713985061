import { Anchor, Badge, Group, Stack } from '@mantine/core';
import { type ActionView, LANGUAGES, type Language, type MeetingSummary } from '@tandem/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { CaseTabs } from '../../../components/CaseTabs';
import { PageTitle } from '../../../components/PageTitle';
import { useJointCaseView } from '../api';

export type CasePage = 'meetings' | 'actions' | 'children';
const CASE_PAGES: CasePage[] = ['meetings', 'actions', 'children'];

/** Where each of these pages of a joint case lives. */
export const casePagePath = (jointCaseId: string, page: CasePage) => `/joint-cases/${jointCaseId}/${page}`;

/**
 * The frame of the meeting pages of one joint case: the way back to the case, the page's title
 * and the links between its meetings, its action plan and its children.
 */
export function CaseMeetingFrame({
  jointCaseId,
  active,
  title,
  actions,
  children,
}: {
  jointCaseId: string;
  active?: CasePage;
  /** The h1, given the case number. */
  title: (caseNumber: string) => string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const jointCase = useJointCaseView(jointCaseId);
  const caseNumber = jointCase.data?.caseNumber ?? '…';
  const heading = title(caseNumber);
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Anchor component={Link} to={`/cases/${jointCaseId}`} size="sm">
          {t('frame.backToCase', { case: caseNumber })}
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="sm">
          <PageTitle documentTitle={heading}>{heading}</PageTitle>
          {actions}
        </Group>
        <CaseTabs
          label={t('frame.nav')}
          active={active}
          items={CASE_PAGES.map((page) => ({
            key: page,
            to: casePagePath(jointCaseId, page),
            text: t(`frame.${page}`),
          }))}
        />
      </div>
      {children}
    </Stack>
  );
}

/** "Tue 10 Mar 2026, 10:00" in the user's language and time zone. */
export function formatDateTime(language: string, iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** "10 Mar, 10:00": a moment earlier today or this year, briefly. */
export function formatDateTimeShort(language: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The language a printable record is asked in: the user's, where the server has it. */
export function pdfLanguage(language: string): Language {
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
}

/** "12 Nov 2026" for a YYYY-MM-DD date (a calendar day, not shifted by time zones). */
export function formatDay(language: string, iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** The one today of the web app: the network's, on the server's clock. */
export { todayIso } from '../../../components/format';

/** The calendar day `days` after a YYYY-MM-DD day (no time zone shift). */
export const addDaysIso = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function MeetingBadges({ meeting }: { meeting: Pick<MeetingSummary, 'kind' | 'mode' | 'status'> }) {
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Group gap={6}>
      <Badge variant="light" color={meeting.status === 'planned' ? 'indigo' : 'gray'}>
        {t(`status.${meeting.status}`)}
      </Badge>
      <Badge variant="outline" color={meeting.kind === 'extraordinary' ? 'orange' : 'gray'}>
        {t(`kind.${meeting.kind}`)}
      </Badge>
      <Badge variant="outline" color={meeting.mode === 'remote' ? 'cyan' : 'gray'}>
        {t(`mode.${meeting.mode}`)}
      </Badge>
    </Group>
  );
}

const CONCERN_COLOURS = { low: 'teal', medium: 'orange', high: 'red' } as const;

export function ConcernBadge({ level }: { level: keyof typeof CONCERN_COLOURS }) {
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Badge color={CONCERN_COLOURS[level]} variant={level === 'high' ? 'filled' : 'light'}>
      {t(`concern.${level}`)}
    </Badge>
  );
}

const ACTION_COLOURS: Record<ActionView['status'], string> = {
  open: 'indigo',
  in_progress: 'blue',
  done: 'teal',
  dropped: 'gray',
};

export function ActionStatusBadge({ status }: { status: ActionView['status'] }) {
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Badge color={ACTION_COLOURS[status]} variant="light">
      {t(`actionStatus.${status}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Badge color="red" variant="filled">
      {t('actions.overdue')}
    </Badge>
  );
}
