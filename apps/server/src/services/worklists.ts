import type { HomeView } from '@tandem/shared';
import type { DataScope } from '../data/data-scope.js';

const startOfToday = () => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const daysFromNow = (days: number) => new Date(startOfToday().getTime() + days * 86_400_000);

/**
 * The caseworker's home page: everything that needs doing now, each list through its own
 * repository and so its own policy (duties, for instance, reach the victim side only).
 */
export async function homeWorklist(scope: DataScope): Promise<HomeView> {
  return {
    due: await scope.instruments.due(),
    meetingsThisWeek: await scope.meetings.list({ mine: true, from: startOfToday(), to: daysFromNow(7) }),
    overdueActions: await scope.actionPlan.list({ overdueForMe: true }),
    duties: await scope.duties.list({ state: 'open' }),
    overdueDuties: await scope.duties.list({ state: 'open', overdueOnly: true }),
    reassessmentsDue: (await scope.jointCases.list({ reassessmentDue: true })).items,
    myCases: (await scope.jointCases.list({ mine: true })).items,
  };
}

/** The children of a joint case: who they are, Section B over time, their actions, how each was assessed. */
export async function childrenOfCase(scope: DataScope, jointCaseId: string) {
  const jointCase = await scope.jointCases.get(jointCaseId);
  return {
    children: jointCase.children.map((child) => ({
      id: child.id,
      firstName: child.firstName,
      lastName: child.lastName,
      dateOfBirth: child.dateOfBirth,
    })),
    sectionBOverTime: await scope.instruments.sectionOverTime(jointCaseId, 'b_children'),
    actions: (await scope.actionPlan.list({ jointCaseId })).filter((action) => action.childPersonId !== null),
    assessments: await scope.safetyPlans.childAssessments(jointCaseId),
  };
}
