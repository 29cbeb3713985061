import { Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../app/i18n/namespaces';

/**
 * Marks joint free text: the programme reads it as written (docs/domain.md, "Information-flow
 * rules", 1), so nothing that tells where or how she can be found belongs in it.
 */
export function SeenByProgramme() {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Badge
      component="span"
      color="orange"
      variant="light"
      size="sm"
      tt="none"
      title={t('common.seenByProgrammeHint')}
    >
      {t('common.seenByProgramme')}
    </Badge>
  );
}

/** An input's description for joint free text: the mark, then the field's own hint. */
export function seenDescription(hint?: ReactNode, seen = true): ReactNode {
  if (!seen) return hint;
  return (
    <Group gap={6} component="span" wrap="wrap">
      <SeenByProgramme />
      {hint && <span>{hint}</span>}
    </Group>
  );
}
