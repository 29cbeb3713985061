import { AppShell, Box, Burger, Button, Divider, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Abilities, SessionView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { canAdminister } from '../auth/abilities';
import { IdleWatcher } from '../auth/IdleWatcher';
import { useSession } from '../auth/session';
import { useSignOut } from '../auth/signOut';
import { CaseworkNavigation } from '../casework/CaseworkNavigation';
import { LanguageSelect } from './LanguageSelect';

/** The frame of every page once signed in: header, navigation, the page. */
export function AppLayout() {
  const session = useSession().data;
  if (!session) return null; // RequireActiveSession renders this only with a session
  return <Shell session={session} />;
}

function Shell({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const { signOut, pending } = useSignOut();
  const { user, abilities } = session;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <a href="#main" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? t('layout.closeMenu') : t('layout.openMenu')}
            />
            <Text fw={700} fz="xl" c="indigo.9">
              Tandem
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Box visibleFrom="md" ta="right" data-testid="current-user">
              <Text size="sm" fw={600} lh={1.2}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {user.agencyName ?? t('layout.noAgency')}
              </Text>
            </Box>
            <LanguageSelect compact />
            <Button variant="default" size="xs" onClick={() => signOut()} loading={pending} visibleFrom="sm">
              {t('layout.signOut')}
            </Button>
            <Button variant="subtle" size="xs" onClick={() => signOut(true)} visibleFrom="lg">
              {t('layout.signOutEverywhere')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('layout.navigation')}>
        <AppShell.Section grow component="nav" aria-label={t('layout.mainNavigation')}>
          <Navigation abilities={abilities} onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="sm" />
          <Stack gap={4} hiddenFrom="lg">
            <Text size="sm" fw={600} hiddenFrom="md">
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed" hiddenFrom="md">
              {user.agencyName ?? t('layout.noAgency')}
            </Text>
            <Button variant="default" size="xs" onClick={() => signOut()} hiddenFrom="sm">
              {t('layout.signOut')}
            </Button>
            <Button variant="subtle" size="xs" onClick={() => signOut(true)}>
              {t('layout.signOutEverywhere')}
            </Button>
          </Stack>
          <Text size="xs" c="dimmed" visibleFrom="lg">
            {t('layout.sessionNote')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
      <IdleWatcher idleTimeoutSeconds={session.idleTimeoutSeconds} />
    </AppShell>
  );
}

function Navigation({ abilities, onNavigate }: { abilities: Abilities; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const link = (to: string, label: string) => (
    <NavLink
      key={to}
      component={RouterNavLink}
      to={to}
      end
      label={label}
      active={pathname === to}
      onClick={onNavigate}
      aria-current={pathname === to ? 'page' : undefined}
    />
  );
  return (
    <Stack gap={2}>
      {link('/', t('nav.home'))}
      <CaseworkNavigation abilities={abilities} onNavigate={onNavigate} />
      {canAdminister(abilities) && (
        <Stack gap={2} role="group" aria-labelledby="nav-administration">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm" id="nav-administration">
            {t('nav.administration')}
          </Text>
          {abilities.manageUsers && link('/admin/users', t('nav.users'))}
          {abilities.manageAgencies && link('/admin/agencies', t('nav.agencies'))}
          {abilities.manageNetworks && link('/admin/networks', t('nav.networks'))}
          {abilities.viewAudit && link('/admin/audit', t('nav.audit'))}
        </Stack>
      )}
    </Stack>
  );
}
