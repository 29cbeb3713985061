import { Alert, Button, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAgencyDirectory } from '../../../api/directory';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { Loading } from '../../../components/PageParts';
import { useSession } from '../../auth/session';
import { useDefinitions } from '../../instruments/api';
import { useChildren, useJointCaseView } from '../api';
import { ActionForm } from '../components/ActionForm';
import { AddChildForm } from '../components/children/AddChildForm';
import { ChildCard } from '../components/children/ChildCard';
import { SectionBChart, SectionBTable } from '../components/children/SectionB';
import { CaseMeetingFrame } from '../components/parts';

/**
 * The children of a joint case: Section B of the checklist over time, each child's actions and
 * assessments; a child added to or taken off the open case at any time.
 */
export function ChildrenPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(MEETINGS_NS);
  const session = useSession().data;
  const view = useChildren(id);
  const jointCase = useJointCaseView(id);
  const agencies = useAgencyDirectory();
  const [adding, setAdding] = useState(false);
  const definitions = useDefinitions();
  // Each child's Section B is answered under the newest children's instrument (data, not code).
  const childInstrument = definitions.data?.find((definition) => definition.kind === 'child_risk_checklist');
  const data = view.data;
  const children = (data?.children ?? []).map((child) => ({
    id: child.id,
    name: `${child.firstName} ${child.lastName}`.trim(),
  }));
  const childNames = new Map(children.map((child) => [child.id, child.name]));
  const open = jointCase.data?.status === 'open';
  const can = jointCase.data?.can;
  // Victim support and child protection assess the children; the joint case says who may.
  const assesses = Boolean(can?.recordChildAssessment);
  const editsActions = open;
  // Adding to the plan outside a meeting: the case says who may.
  const addsActions = Boolean(can?.addAction);

  return (
    <CaseMeetingFrame
      jointCaseId={id}
      active="children"
      title={(caseNumber) => t('children.title', { case: caseNumber })}
      actions={
        open &&
        can?.addChild &&
        !adding && <Button onClick={() => setAdding(true)}>{t('children.add')}</Button>
      }
    >
      {adding && jointCase.data && (
        <Card withBorder radius="md" padding="lg">
          <AddChildForm jointCase={jointCase.data} onDone={() => setAdding(false)} />
        </Card>
      )}
      <Loading query={view}>
        {data && (
          <>
            {data.children.length === 0 && (
              <Alert color="blue" variant="light">
                {t('children.none')}
              </Alert>
            )}
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="section-b">
              <Title order={2} size="h4" id="section-b">
                {t('children.sectionB')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('children.sectionBHint')}
              </Text>
              {data.sectionBOverTime.length === 0 ? (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('children.sectionBEmpty')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                  <SectionBChart points={data.sectionBOverTime} />
                  <SectionBTable points={data.sectionBOverTime} />
                </SimpleGrid>
              )}
            </Card>
            {data.children.map((child) => (
              <ChildCard
                key={child.id}
                child={child}
                jointCaseId={id}
                data={data}
                editsActions={editsActions}
                assesses={assesses}
                removes={open && Boolean(can?.removeChild)}
                childNames={childNames}
                agencyName={agencies.nameOf}
                childInstrument={childInstrument}
              />
            ))}
            {session && data.children.length > 0 && addsActions && (
              <Card withBorder radius="md" padding="lg">
                <ActionForm
                  jointCaseId={id}
                  jointCase={jointCase.data}
                  session={session}
                  childrenOfCase={children}
                  defaultChildId={children[0]?.id}
                />
              </Card>
            )}
          </>
        )}
      </Loading>
    </CaseMeetingFrame>
  );
}
