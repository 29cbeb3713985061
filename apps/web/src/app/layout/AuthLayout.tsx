import { Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from './LanguageSelect';

/** The frame of the signing-in steps: no navigation, the language switch at hand. */
export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box bg="gray.0" mih="100vh" py="xl">
      <Container size={wide ? 'md' : 'xs'}>
        {/* A banner landmark, so that everything on the page belongs to one (WCAG, axe "region"). */}
        <Group component="header" justify="space-between" align="flex-end" mb="lg">
          <div>
            <Text fw={700} fz="xl" c="indigo.9">
              Tandem
            </Text>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </div>
          <LanguageSelect compact />
        </Group>
        <Paper component="main" withBorder shadow="xs" p="xl" radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
