import { Card, Center, DataList, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './FormAlert';

// The date field has its own file (it brings @mantine/dates and dayjs); the pages import it from here.
export { DateField } from './DateField';

/** A titled block of a page (an h2 in a card). */
export function Section({
  title,
  description,
  actions,
  children,
  id,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  id: string;
}) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="sm">
        <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </div>
        {actions && <div style={{ flexShrink: 0 }}>{actions}</div>}
      </Group>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

/** A subsection heading inside a section. */
export function SubTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={3} size="h5" mt="xs">
      {children}
    </Title>
  );
}

/** An honest empty state: says what would be here. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {children}
    </Text>
  );
}

/** Label–value pairs; values that are null or empty are left out. */
export function Facts({ items, labelWidth = 170 }: { items: [string, ReactNode][]; labelWidth?: number }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <DataList labelWidth={labelWidth} size="sm" gap={6}>
      {shown.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/** A page's data: a loader while it comes, the error if it fails, else the content. */
export function Loading({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error) return <FormAlert error={query.error} />;
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  return <>{children}</>;
}
