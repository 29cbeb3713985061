import type { DemoDesk } from './demo-desk.js';
import { expect, must } from './demo-desk.js';

/**
 * The demo's closed case (README, "The demo's cases"): Paolo and Chiara Bianchi. His programme
 * ran for four months and was completed five months ago (a short demo programme, so that its whole
 * course fits in the demo's past); both sides assessed the risk at the end, IMPACT was given
 * at every time point up to the follow-up (T4), and the joint case was closed. Written through
 * the API like the other cases, in the order it happened.
 */
export async function seedClosedCase(desk: DemoDesk) {
  const { db, day, at, user, programme, support, refer, contactHer } = desk;
  const bianchi = await refer({
    him: { firstName: 'Paolo', lastName: 'Bianchi', dateOfBirth: '1975-05-19' },
    referredDaysAgo: 340,
    pathway: 'recommended',
    steps: [
      { to: 'intake', daysAgo: 330 },
      { to: 'active', daysAgo: 320 },
    ],
    her: {
      firstName: 'Chiara',
      lastName: 'Bianchi',
      relationship: 'former',
      address: 'Via dei Ciliegi 4, Bologna',
      phone: '+39 000 000 0004',
    },
  });
  const chiara = must(bianchi.herId, 'Chiara');
  await contactHer(chiara, bianchi.episodeId, 318);
  const herSupport = await expect(
    support.post('/api/vss-episodes', { personId: chiara, intakeDate: day(-315) }),
    201,
    'her support',
  );
  const consent = await expect(
    support.post(`/api/victims/${chiara}/consents/several`, {
      scopes: ['partner_contact', 'joint_case', 'share_risk_information'],
      givenOn: day(-315),
    }),
    201,
    'her consents',
  );
  const jointCaseConsent = must(
    (consent.items as Array<{ id: string; scope: string }>).find((given) => given.scope === 'joint_case'),
    'her consent to the joint case',
  );
  const jointCase = await expect(
    support.post('/api/joint-cases', {
      ppEpisodeId: bianchi.episodeId,
      vssEpisodeId: herSupport.id,
      consentId: jointCaseConsent.id,
      ppCaseManagerId: user('pp.manager@oltre.demo'),
      vssCaseManagerId: user('vss.manager@casadonne.demo'),
      partnerContactWorkerId: user('partner.contact@casadonne.demo'),
      childIds: [],
      agreement: { validFrom: day(-312), validTo: day(50), otherParties: [] },
    }),
    201,
    'joint case',
  );
  const caseId = jointCase.id as string;
  // Opened when it was: its meetings would otherwise be scheduled from today.
  await db
    .updateTable('joint_case')
    .set({ created_at: at(-312, 9) })
    .where('id', '=', caseId)
    .execute();

  const questionnaires = [
    ['impact-him', 'him', programme, 'T0', 330, { physical: 3, threats: 3, insults: 4, control: 4 }],
    ['impact-him', 'him', programme, 'T1', 320, { physical: 2, threats: 3, insults: 3, control: 3 }],
    ['impact-her', 'her', support, 'T0', 314, { physical: 4, threats: 3, insults: 4, control: 4, fear: 4 }],
    ['impact-her', 'her', support, 'T1', 313, { physical: 3, threats: 3, insults: 4, control: 4, fear: 4 }],
    ['impact-him', 'him', programme, 'T2.1', 230, { physical: 1, threats: 1, insults: 2, control: 2 }],
    ['impact-her', 'her', support, 'T2.1', 228, { physical: 1, threats: 2, insults: 2, control: 3, fear: 3 }],
  ] as const;
  const give = async ([instrumentId, subject, client, timepoint, daysAgo, answers]: readonly [
    string,
    string,
    typeof programme,
    string,
    number,
    Record<string, number>,
  ]) =>
    expect(
      client.post('/api/instrument-responses', {
        instrumentId,
        version: 1,
        jointCaseId: caseId,
        subject,
        timepoint,
        completedOn: day(-daysAgo),
        answers: Object.fromEntries(Object.entries(answers).map(([item, value]) => [item, { value }])),
      }),
      201,
      `${instrumentId} ${timepoint}`,
    );
  for (const questionnaire of questionnaires) await give(questionnaire);

  // Completed five months ago; then the closing assessment of both sides and the final T3.
  await expect(
    programme.post(`/api/pp-episodes/${bianchi.episodeId}/status`, { to: 'completed', date: day(-200) }),
    200,
    'completed',
  );
  const checklist = (daysAgo: number, answers: Record<string, unknown>) => ({
    instrumentId: 'asap-risk-checklist',
    version: 2,
    jointCaseId: caseId,
    subject: 'case',
    completedOn: day(-daysAgo),
    answers,
  });
  await expect(
    programme.post(
      '/api/instrument-responses',
      checklist(199, { minimising: { value: 'no', source: 'professional_observation' } }),
    ),
    201,
    'his side’s closing checklist',
  );
  await expect(
    support.post(
      '/api/instrument-responses',
      checklist(198, {
        extreme_fear: { value: 'no', source: 'her' },
        separation: { value: 'yes', source: 'her' },
      }),
    ),
    201,
    'her side’s closing checklist',
  );
  for (const questionnaire of [
    ['impact-him', 'him', programme, 'T3', 199, { physical: 0, threats: 0, insults: 1, control: 1 }],
    ['impact-her', 'her', support, 'T3', 197, { physical: 0, threats: 1, insults: 1, control: 2, fear: 2 }],
    ['impact-him', 'him', programme, 'T4', 10, { physical: 0, threats: 0, insults: 1, control: 1 }],
    ['impact-her', 'her', support, 'T4', 9, { physical: 0, threats: 0, insults: 1, control: 1, fear: 1 }],
  ] as const)
    await give(questionnaire);
  await expect(support.post(`/api/joint-cases/${caseId}/close`, {}), 200, 'joint case closed');
}
