import {
  PARTNER_CONTACT_TOPICS,
  PARTNER_CONTACT_TOPICS_ON_REQUEST,
  type PartnerContactOutcome,
  type PartnerContactTopic,
  type PartnerTopicCoverage,
} from '@tandem/shared';

/** One logged contact, as the rules below need it. */
export interface ContactFacts {
  contactedOn: string;
  outcome: PartnerContactOutcome;
  topicsCovered: readonly PartnerContactTopic[];
  recordedBy: string;
}

/**
 * What she has been told across her contacts about one programme (docs/domain.md, "Partner
 * contact"): each topic with the day it was first told, and the topics still to offer her.
 * Only a contact in which she was reached tells her anything.
 */
export function topicCoverage(contacts: readonly ContactFacts[]): PartnerTopicCoverage {
  const firstTold = new Map<PartnerContactTopic, string>();
  for (const contact of [...contacts].sort((a, b) => a.contactedOn.localeCompare(b.contactedOn))) {
    if (contact.outcome !== 'reached') continue;
    for (const topic of contact.topicsCovered)
      if (!firstTold.has(topic)) firstTold.set(topic, contact.contactedOn);
  }
  return {
    told: PARTNER_CONTACT_TOPICS.flatMap((topic) => {
      const on = firstTold.get(topic);
      return on ? [{ topic, firstToldOn: on }] : [];
    }),
    remaining: PARTNER_CONTACT_TOPICS.filter(
      (topic) => !firstTold.has(topic) && !PARTNER_CONTACT_TOPICS_ON_REQUEST.includes(topic),
    ),
  };
}

/**
 * The first offer of contact: every partner he named is offered contact (WWP EN), and the log
 * says when, by whom and what came of it. An attempt that did not reach her counts as an offer
 * made; null while none was made.
 */
export function firstOffer(
  contacts: readonly ContactFacts[],
): { offeredOn: string; offeredBy: string; outcome: PartnerContactOutcome } | null {
  const first = [...contacts].sort((a, b) => a.contactedOn.localeCompare(b.contactedOn))[0];
  return first ? { offeredOn: first.contactedOn, offeredBy: first.recordedBy, outcome: first.outcome } : null;
}
