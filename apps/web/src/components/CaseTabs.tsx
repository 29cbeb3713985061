import { Group, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';

/**
 * The row of links between the pages of one joint case (risk, recidivism, IMPACT; meetings,
 * action plan, children): one look and one accessible pattern for every case frame.
 */
export function CaseTabs({
  label,
  items,
  active,
}: {
  /** The navigation's accessible name. */
  label: string;
  items: ReadonlyArray<{ key: string; to: string; text: string }>;
  /** The page shown now, if it is one of the items. */
  active?: string;
}) {
  return (
    <Group gap={4} component="nav" aria-label={label} mt={-8}>
      {items.map((item) => {
        const current = item.key === active;
        return (
          <UnstyledButton
            key={item.key}
            component={Link}
            to={item.to}
            aria-current={current ? 'page' : undefined}
            px="sm"
            py={6}
            style={{
              borderRadius: 'var(--mantine-radius-sm)',
              borderBottom: current ? '3px solid var(--mantine-color-indigo-8)' : '3px solid transparent',
              background: current ? 'var(--mantine-color-indigo-0)' : undefined,
            }}
          >
            <Text size="sm" fw={current ? 700 : 500} c={current ? 'indigo.9' : undefined}>
              {item.text}
            </Text>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
