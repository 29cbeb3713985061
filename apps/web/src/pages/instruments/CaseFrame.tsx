import { Anchor, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useJointCaseHeader } from '../../instruments/api';
import { INSTRUMENTS_NS } from '../../instruments/i18n';

export type CaseTool = 'risk' | 'recidivism' | 'impact';
const TOOLS: CaseTool[] = ['risk', 'recidivism', 'impact'];

/**
 * The frame of the instrument pages of one joint case: the way back to the case, the page's
 * title and the links between risk, recidivism and IMPACT.
 */
export function CaseFrame({
  jointCaseId,
  active,
  title,
  children,
}: {
  jointCaseId: string;
  active: CaseTool;
  /** The h1; "{{case}}" is replaced by the case number. */
  title: (caseNumber: string) => string;
  children: ReactNode;
}) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  const header = useJointCaseHeader(jointCaseId);
  const caseNumber = header.data?.caseNumber ?? '…';
  const heading = title(caseNumber);

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Anchor component={Link} to={`/cases/${jointCaseId}`} size="sm">
          {t('frame.backToCase', { case: caseNumber })}
        </Anchor>
        <PageTitle documentTitle={heading}>{heading}</PageTitle>
        <Group gap={4} component="nav" aria-label={t('frame.tools')} mt={-8}>
          {TOOLS.map((tool) => {
            const current = tool === active;
            return (
              <UnstyledButton
                key={tool}
                component={Link}
                to={`/joint-cases/${jointCaseId}/${tool}`}
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
                  {t(`frame.${tool}`)}
                </Text>
              </UnstyledButton>
            );
          })}
        </Group>
      </div>
      {children}
    </Stack>
  );
}
