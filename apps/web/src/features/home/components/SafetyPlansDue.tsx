import type { SafetyPlanDueItem } from '@tandem/shared';
import { PartnerList } from './PartnerList';

/**
 * For the partner-contact worker: the partners named to her service whom no victim service
 * supports and who have no safety plan yet (docs/domain.md, "Partner contact"). The programme's
 * partner contact still sees that she has one; a woman who declined contact is not listed.
 */
export function SafetyPlansDue({ items }: { items: SafetyPlanDueItem[] }) {
  return (
    <PartnerList
      id="home-safety-plans-due"
      words="home.safetyPlansDue"
      badgeColor="orange"
      rows={items.map((item) => ({
        ...item,
        key: item.partnerPersonId,
        to: `/victims/${item.partnerPersonId}/safety-plans/safety`,
      }))}
    />
  );
}
