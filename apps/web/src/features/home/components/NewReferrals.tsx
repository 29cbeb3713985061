import type { NewReferralItem } from '@tandem/shared';
import { PartnerList } from './PartnerList';

/**
 * For the partner-contact worker: the partners newly named to her service, waiting for the
 * first offer of contact (docs/domain.md, "Partner contact"), oldest first.
 */
export function NewReferrals({ referrals }: { referrals: NewReferralItem[] }) {
  const oldestFirst = [...referrals].sort((a, b) => a.referredAt.localeCompare(b.referredAt));
  return (
    <PartnerList
      id="home-new-referrals"
      words="home.newReferrals"
      badgeColor="indigo"
      rows={oldestFirst.map((referral) => ({
        ...referral,
        key: referral.referralId,
        to: `/victims/${referral.partnerPersonId}?episode=${referral.ppEpisodeId}`,
      }))}
    />
  );
}
