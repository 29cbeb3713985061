import { NavLink, Stack, Text } from '@mantine/core';
import type { Abilities } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { CASEWORK_NS } from './i18n';

/** The casework entries of the navigation, by ability (they only hide links: the server decides). */
export function CaseworkNavigation({
  abilities,
  onNavigate,
}: {
  abilities: Abilities;
  onNavigate: () => void;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  const { pathname } = useLocation();
  const session = useSession().data;
  const side = session?.user.side;

  const link = (to: string, label: string, also: string[] = []) => {
    const active =
      pathname === to || pathname.startsWith(`${to}/`) || also.some((p) => pathname.startsWith(p));
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
  const group = (id: string, title: string, items: (false | React.ReactElement)[]) =>
    items.some(Boolean) && (
      <Stack gap={2} role="group" aria-labelledby={id}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm" id={id}>
          {title}
        </Text>
        {items}
      </Stack>
    );

  return (
    <>
      {group('nav-casework', t('nav.casework'), [
        abilities.supportVictims && link('/partners', t('nav.partners'), ['/victims/']),
        abilities.casework && side !== 'victim' && link('/programme', t('nav.programme')),
        abilities.casework && link('/cases', t('nav.cases')),
        abilities.casework && link('/search', t('nav.search')),
      ])}
      {group('nav-network', t('nav.network'), [
        abilities.coordinateNetwork && link('/network/agreements', t('nav.agreements')),
        abilities.coordinateNetwork && link('/network/phase1', t('nav.phase1')),
      ])}
      {group('nav-data-protection', t('nav.dataProtection'), [
        abilities.manageUsers &&
          Boolean(session?.user.agencyId) &&
          link('/admin/access-log', t('nav.accessLog'), ['/people/']),
      ])}
    </>
  );
}
