import type { CalendarFeedCreated, CalendarFeedStatus, DueItem, Language } from '@tandem/shared';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Config } from '../config.js';
import type { CommandScope } from '../data/command-scope.js';
import { addDays, instantAt } from '../domain/clock.js';
import { labelsFor } from '../pdf/labels.js';
import { newToken, sha256Hex } from '../security/tokens.js';
import { baseUrl } from './accounts/messages.js';
import { dueForMe } from './instruments/due.service.js';
import { localDateTime } from './meetings/meeting-time.js';

/**
 * The personal calendar feed (README, "Calendar feed"): a URL a user's calendar app subscribes
 * to, holding a secret token (only its SHA-256 is stored). The feed is computed as the token's
 * owner, through their own policy-bound scope, the way their home page is: the meetings of the
 * cases they are named on and their due items — each with its case number, its kind and a link
 * to the app, never a name, a place or any text of the case.
 */

/** How far back and ahead the feed reaches (a subscription shows what is coming, and the recent past). */
const PAST_DAYS = 30;
const AHEAD_DAYS = 180;
/** At most this many meetings and actions each (a caseload's worth). */
const FEED_LIMIT = 500;
/** How often a calendar app is asked to fetch the feed again. */
const REFRESH_SECONDS = 3600;

const iso = (value: Date | string) => new Date(value).toISOString();

export async function calendarFeedStatus(scope: CommandScope): Promise<CalendarFeedStatus> {
  const active = await scope.repos.staff.activeCalendarFeed();
  return { active: active !== null, activeSince: active ? iso(active.created_at) : null };
}

/** A new token, in force from now; any earlier one of the user stops working in the same transaction. */
export async function createCalendarFeed(scope: CommandScope, config: Config): Promise<CalendarFeedCreated> {
  const now = scope.clock.now();
  const replaced = await scope.repos.staff.revokeCalendarFeeds(now, 'calendar_feed.replace');
  const token = newToken();
  await scope.repos.staff.insertCalendarFeed(sha256Hex(token), now, replaced > 0);
  return { url: `${baseUrl(config)}/api/calendar/${token}.ics`, activeSince: iso(now) };
}

export async function revokeCalendarFeed(scope: CommandScope): Promise<{ ok: true }> {
  await scope.repos.staff.revokeCalendarFeeds(scope.clock.now(), 'calendar_feed.revoke');
  return { ok: true };
}

/** The feed's text, as its owner (the scope's actor) may see it, in their language. */
export async function calendarFeed(scope: CommandScope, config: Config, language: Language) {
  const { actor, repos } = scope;
  const t = labelsFor(language);
  const app = baseUrl(config);
  const [meetings, due, actions] = await Promise.all([
    repos.meetings.list({
      namedOn: actor.userId,
      from: instantAt(actor.timeZone, addDays(actor.today, -PAST_DAYS), 0),
      to: instantAt(actor.timeZone, addDays(actor.today, AHEAD_DAYS), 0),
      limit: FEED_LIMIT,
    }),
    dueForMe(scope),
    // Open actions the user carries or whose case they manage, up to the feed's horizon
    // (the home page's overdue list, reaching ahead).
    repos.actions.list({
      overdueFor: { userId: actor.userId, before: addDays(actor.today, AHEAD_DAYS) },
      limit: FEED_LIMIT,
    }),
  ]);
  scope.audit.record({
    action: 'calendar_feed.read',
    outcome: 'success',
    resourceType: 'calendar_feed',
    details: { meetings: meetings.length, due: due.length, actions: actions.length },
  });

  const calendar = ical({
    name: t('feedName'),
    prodId: { company: 'Tandem', product: 'Calendar feed', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
  });
  const stamp = scope.clock.now();
  for (const meeting of meetings) {
    const start = new Date(meeting.held_at ?? meeting.scheduled_for);
    const when = `${localDateTime(start, meeting.time_zone)} (${meeting.time_zone})`;
    const url = `${app}/meetings/${meeting.id}`;
    calendar.createEvent({
      id: `${meeting.id}@tandem`,
      stamp,
      start,
      end: new Date(start.getTime() + meeting.duration_minutes * 60_000),
      summary: `${t('calendarSummary')} ${meeting.case_number}${meeting.kind === 'extraordinary' ? ` (${t('extraordinary')})` : ''}`,
      description: [
        `${t('case')}: ${meeting.case_number}`,
        `${meeting.held_at ? t('heldAt') : t('plannedFor')}: ${when}`,
        `${t('feedDuration')}: ${meeting.duration_minutes}`,
        `${t('feedOpen')}: ${url}`,
      ].join('\n'),
      url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  for (const item of due) {
    const url = `${app}/joint-cases/${item.jointCaseId}/${item.what === 'reassessment' ? 'risk' : 'impact'}`;
    allDay(calendar, {
      id: `due-${item.jointCaseId}-${item.what}-${item.timepoint ?? item.dueOn}@tandem`,
      stamp,
      day: item.dueOn,
      summary: `${dueLabel(t, item)} · ${item.caseNumber}`,
      description: `${t('case')}: ${item.caseNumber}\n${t('feedOpen')}: ${url}`,
      url,
    });
  }
  for (const action of actions) {
    const url = `${app}/joint-cases/${action.joint_case_id}/actions`;
    allDay(calendar, {
      id: `action-${action.id}@tandem`,
      stamp,
      day: action.term,
      summary: `${t('feedActionDue')} · ${action.case_number}`,
      description: `${t('case')}: ${action.case_number}\n${t('feedOpen')}: ${url}`,
      url,
    });
  }
  return { bytes: calendar.toString(), filename: 'tandem.ics' };
}

function dueLabel(t: ReturnType<typeof labelsFor>, item: DueItem): string {
  if (item.what === 'reassessment') return t('feedReassessmentDue');
  return item.timepoint ? `${t('feedQuestionnaireDue')} ${item.timepoint}` : t('feedQuestionnaireDue');
}

function allDay(
  calendar: ReturnType<typeof ical>,
  entry: { id: string; stamp: Date; day: string; summary: string; description: string; url: string },
) {
  calendar.createEvent({
    id: entry.id,
    stamp: entry.stamp,
    // A calendar day (YYYY-MM-DD), written as a DATE value: the same day in every zone.
    start: new Date(`${entry.day}T00:00:00Z`),
    allDay: true,
    summary: entry.summary,
    description: entry.description,
    url: entry.url,
  });
}
