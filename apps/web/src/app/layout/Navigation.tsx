import { NavLink, Stack, Text } from '@mantine/core';
import type { Abilities } from '@tandem/shared';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { canAdminister } from '../../features/auth/abilities';
import { CASEWORK_NS } from '../i18n/namespaces';

/**
 * The navigation, from the session's abilities only (they hide links; the server decides every
 * request again). It never looks at a role or a side.
 */
export function Navigation({
  abilities,
  hasAgency,
  reviewsRoleApprovals,
  onNavigate,
}: {
  abilities: Abilities;
  /** The access log is an agency's: its administrators see it. */
  hasAgency: boolean;
  /** The session's `reviewsRoleApprovals`: the victim side's queue of roles to approve. */
  reviewsRoleApprovals: boolean;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation(CASEWORK_NS);
  const { pathname } = useLocation();

  const link = (to: string, label: string, also: string[] = []) => {
    const active =
      to === '/'
        ? pathname === '/'
        : pathname === to || pathname.startsWith(`${to}/`) || also.some((p) => pathname.startsWith(p));
    return (
      <NavLink
        key={to}
        component={RouterNavLink}
        to={to}
        end
        label={label}
        active={active}
        onClick={onNavigate}
        aria-current={pathname === to ? 'page' : undefined}
      />
    );
  };
  const group = (id: string, title: string, items: (false | ReactElement)[]) =>
    items.some(Boolean) && (
      <Stack gap={2} role="group" aria-labelledby={id}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm" id={id}>
          {title}
        </Text>
        {items}
      </Stack>
    );

  return (
    <Stack gap={2}>
      {link('/', t('nav.home'))}
      {/* Every staff member, of any role and side, reads the service directory. */}
      {link('/directory', tc('directory.nav'))}
      {reviewsRoleApprovals && link('/role-approvals', t('nav.roleApprovals'))}
      {group('nav-casework', tc('nav.casework'), [
        abilities.supportVictims && link('/partners', tc('nav.partners'), ['/victims/']),
        // The victim side reaches his programme through the partners he named, not a list of men.
        abilities.viewProgrammes && link('/programme', tc('nav.programme')),
        abilities.casework && link('/cases', tc('nav.cases')),
        abilities.casework && link('/search', tc('nav.search')),
        abilities.assessChildren && link('/children/risk-levels', tc('nav.childrenRisk')),
        abilities.casework && link('/serious-harm/received', tc('seriousHarm.nav.received')),
      ])}
      {group('nav-network', tc('nav.network'), [
        abilities.coordinateNetwork && link('/network/agreements', tc('nav.agreements')),
        abilities.coordinateNetwork && link('/network/phase1', tc('nav.phase1')),
        abilities.coordinateNetwork && link('/network/settings', tc('nav.networkSettings')),
        abilities.readNetworkStatistics && link('/network/statistics', tc('nav.networkStatistics')),
      ])}
      {group('nav-data-protection', tc('nav.dataProtection'), [
        abilities.manageUsers && hasAgency && link('/admin/access-log', tc('nav.accessLog'), ['/people/']),
        abilities.manageUsers && hasAgency && link('/admin/serious-harm', tc('seriousHarm.nav.review')),
      ])}
      {canAdminister(abilities) &&
        group('nav-administration', t('nav.administration'), [
          abilities.manageUsers && link('/admin/users', t('nav.users')),
          abilities.manageAgencies && link('/admin/agencies', t('nav.agencies')),
          abilities.manageNetworks && link('/admin/networks', t('nav.networks')),
          abilities.viewAudit && link('/admin/audit', t('nav.audit')),
        ])}
    </Stack>
  );
}
