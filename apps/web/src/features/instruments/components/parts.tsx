import { Badge, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { I18nText, InstrumentDefinition } from '@tandem/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../../app/i18n';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { DateField } from '../../../components/DateField';
import { FormAlert } from '../../../components/FormAlert';
import { levelColour, levelPosition, localized } from '../logic';

/** A titled block of a page (an h2 in a card). */
export function Block({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <div>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      <Stack gap="sm">{children}</Stack>
    </Card>
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

/** A query's content: a loader while it comes, the error if it fails. */
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

/** A date input (the browser's date picker); the value is YYYY-MM-DD. */
export function DateInput({
  label,
  value,
  onChange,
  error,
  max,
  id,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  max?: string;
  id?: string;
}) {
  return (
    <DateField id={id} label={label} value={value} onChange={onChange} error={error} required max={max} />
  );
}

/** "12 Nov 2026" for a YYYY-MM-DD date (a calendar day, not shifted by time zones). */
export function formatDate(language: string, iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

type Levels = ReadonlyArray<{ id: string; label: I18nText }>;

/** A level's name from the definition, in the user's language. */
export function levelLabel(levels: Levels | undefined, level: string | null, language: string): string {
  if (!level) return '—';
  const found = levels?.find((candidate) => candidate.id === level);
  return found ? localized(found.label, language) : level;
}

/** A level as a coloured badge with its name (the colour is never the only cue). */
export function LevelBadge({
  definition,
  level,
  size = 'md',
}: {
  definition: Pick<InstrumentDefinition, 'levels'> | undefined;
  level: string | null;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  const { i18n, t } = useTranslation(INSTRUMENTS_NS);
  const levels = definition?.levels ?? [];
  if (!level)
    return (
      <Badge size={size} color="gray" variant="outline">
        {t('level.none')}
      </Badge>
    );
  return (
    <Badge size={size} color={levelColour(levelPosition(levels, level))} variant="filled" autoContrast>
      {levelLabel(levels, level, i18n.language)}
    </Badge>
  );
}

/** A confirmation toast; its close button is named (Mantine's has no text). */
export function notifySaved(message: string) {
  notifications.show({ color: 'teal', message, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
