import type { PpEpisodeView } from '@tandem/shared';
import type { Translate } from '../../../components/forms/translateIssue';

type PartnerReferral = PpEpisodeView['partners'][number];

/** "Current partner 1", "Former partner 2": what the programme knows of a partner he named. */
export const partnerLabel = (t: Translate, partner: Pick<PartnerReferral, 'relationship' | 'ordinal'>) =>
  t(`release.partnerLabel.${partner.relationship}`, { n: partner.ordinal });

/** The label, with her name where the API sends it (to the victim side that contacts her only). */
export const partnerDisplayName = (t: Translate, partner: PartnerReferral) =>
  partner.herName
    ? t('release.partnerNamed', { label: partnerLabel(t, partner), name: partner.herName })
    : partnerLabel(t, partner);
