import { Anchor, AppShell, Box, Burger, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { SessionView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { PrintHeader } from '../../components/PrintHeader';
import { CalendarFeedLink } from '../../features/account/components/CalendarFeedLink';
import { IdleWatcher } from '../../features/auth/components/IdleWatcher';
import { useSession } from '../../features/auth/session';
import { useSignOut } from '../../features/auth/signOut';
import { LanguageSelect } from './LanguageSelect';
import { Navigation } from './Navigation';

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
          <Navigation
            abilities={abilities}
            hasAgency={Boolean(user.agencyId)}
            reviewsRoleApprovals={session.reviewsRoleApprovals}
            onNavigate={close}
          />
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
          <Anchor component={Link} to="/account/password" size="sm" display="block" mb={4} onClick={close}>
            {t('layout.changePassword')}
          </Anchor>
          <CalendarFeedLink onClick={close} />
          <Text size="xs" c="dimmed" visibleFrom="lg">
            {t('layout.sessionNote')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <PrintHeader user={user} />
        <Outlet />
      </AppShell.Main>
      <IdleWatcher idleTimeoutSeconds={session.idleTimeoutSeconds} />
    </AppShell>
  );
}
