import { Anchor, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { CaseTabs } from '../../../components/CaseTabs';
import { PageTitle } from '../../../components/PageTitle';
import { useJointCaseHeader } from '../api';

/** digital-violence is hers: reached from the case's links where the server allows, not a tab for everyone. */
export type CaseTool = 'risk' | 'recidivism' | 'impact' | 'his-risk-factors' | 'digital-violence';
const TOOLS: CaseTool[] = ['risk', 'recidivism', 'impact', 'his-risk-factors'];

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
        <CaseTabs
          label={t('frame.tools')}
          active={active}
          items={TOOLS.map((tool) => ({
            key: tool,
            to: `/joint-cases/${jointCaseId}/${tool}`,
            text: t(`frame.${tool}`),
          }))}
        />
      </div>
      {children}
    </Stack>
  );
}
