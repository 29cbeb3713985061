import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

export function LoadMore({ shown, hasMore, loading, onLoadMore }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        {hasMore ? t('common.shownSoFar', { count: shown }) : t('common.shownAll', { count: shown })}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Group>
  );
}
