import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { keepMeetingsScheduled } from '../jobs/job-runner.js';
import { seedClosedCase } from './demo-closed-case.js';
import { expect, must, openDemoDesk } from './demo-desk.js';

/**
 * The demo's cases (README, "The demo's cases"), written on the first start in demo mode through
 * the API, as the demo's caseworkers would write them: every policy check, audit row and
 * consequence (grants, duties, the meeting schedule) happens as in real work. Their dates lie in
 * the past so that the cases have a history. One write goes past the API: the long-running joint
 * case's opening is moved back, because its Phase 2 meetings are scheduled from the opening.
 * Every name, address and number is invented.
 */
export async function seedDemoCases(app: FastifyInstance, database: Kysely<Database>, config: Config) {
  const desk = await openDemoDesk(app, database, config);
  const { db, day, at, user, programme, support, supportLead, refer, contactHer } = desk;
  const { oltre, police } = desk.agencies;

  // 1. Ferri: a joint case two months old, with two Phase 2 meetings behind it.
  const ferri = await refer({
    him: { firstName: 'Marco', lastName: 'Ferri', dateOfBirth: '1984-03-12' },
    referredDaysAgo: 95,
    pathway: 'recommended',
    steps: [
      { to: 'intake', daysAgo: 90 },
      { to: 'active', daysAgo: 84 },
    ],
    her: {
      firstName: 'Lucia',
      lastName: 'Ferri',
      relationship: 'current',
      address: 'Via dei Demo 12, Bologna',
      phone: '+39 000 000 0012',
    },
  });
  const lucia = must(ferri.herId, 'Lucia');
  await contactHer(lucia, ferri.episodeId, 85);
  const luciaSupport = await expect(
    support.post('/api/vss-episodes', { personId: lucia, intakeDate: day(-80) }),
    201,
    'her support',
  );
  const consents: Record<string, string> = {};
  for (const scope of ['partner_contact', 'joint_case', 'share_risk_information']) {
    const consent = await expect(
      support.post(`/api/victims/${lucia}/consents`, { scope, givenOn: day(-80) }),
      201,
      `consent ${scope}`,
    );
    consents[scope] = consent.id;
  }
  const sofia = await expect(
    support.post('/api/children', {
      firstName: 'Sofia',
      lastName: 'Ferri',
      dateOfBirth: '2019-09-04',
      motherId: lucia,
    }),
    201,
    'child',
  );
  const jointCase = await expect(
    support.post('/api/joint-cases', {
      ppEpisodeId: ferri.episodeId,
      vssEpisodeId: luciaSupport.id,
      consentId: consents.joint_case,
      ppCaseManagerId: user('pp.manager@oltre.demo'),
      vssCaseManagerId: user('vss.manager@casadonne.demo'),
      partnerContactWorkerId: user('partner.contact@casadonne.demo'),
      childIds: [sofia.id],
      agreement: {
        validFrom: day(-75),
        validTo: day(290),
        otherParties: [{ agencyId: police, receives: ['programme', 'safety_concerns'] }],
      },
    }),
    201,
    'joint case',
  );
  const caseId = jointCase.id as string;
  await db
    .updateTable('joint_case')
    .set({ created_at: at(-60, 9) })
    .where('id', '=', caseId)
    .execute();

  const checklist = (completedDaysAgo: number, answers: Record<string, unknown>) => ({
    instrumentId: 'asap-risk-checklist',
    // The newest version: its levels carry the actions the network expects (proposed on agreement).
    version: 2,
    jointCaseId: caseId,
    subject: 'case',
    completedOn: day(-completedDaysAgo),
    answers,
  });
  // The two sides diverge, the programme lower (as the pilots found).
  const ppFirst = await expect(
    programme.post(
      '/api/instrument-responses',
      checklist(58, {
        minimising: {
          value: 'yes',
          source: 'professional_observation',
          note: 'Calls the incidents "arguments"',
        },
        substance_misuse: { value: 'yes', source: 'him' },
        strangulation: { value: 'no', source: 'him' },
      }),
    ),
    201,
    'programme checklist',
  );
  const vssFirst = await expect(
    support.post(
      '/api/instrument-responses',
      checklist(57, {
        strangulation: { value: 'yes', source: 'her', note: 'Once, last winter, in the kitchen' },
        extreme_fear: { value: 'yes', source: 'her' },
        substance_misuse: { value: 'yes', source: 'agency' },
        separation: { value: 'no', source: 'her' },
      }),
    ),
    201,
    'her service’s checklist',
  );
  await expect(
    support.post(`/api/joint-cases/${caseId}/agreed-level`, {
      level: 'high',
      rationale: 'Strangulation reported by the victim side outweighs the programme’s lower view.',
      ppResponseId: ppFirst.id,
      vssResponseId: vssFirst.id,
      agreedOn: day(-56),
    }),
    200,
    'agreed level',
  );
  // The actions the high level proposed were carried out at the time: the plan keeps them, done.
  const plan = await expect(support.get(`/api/joint-cases/${caseId}/actions`), 200, 'action plan');
  for (const action of plan.items as Array<{ id: string; levelActionKey: string | null }>) {
    if (action.levelActionKey)
      await expect(support.patch(`/api/actions/${action.id}`, { status: 'done' }), 200, 'level action done');
  }
  for (const [instrumentId, subject, client, timepoint, daysAgo, answers] of [
    ['impact-him', 'him', programme, 'T0', 89, { physical: 2, threats: 2, insults: 3, control: 3 }],
    ['impact-him', 'him', programme, 'T1', 83, { physical: 1, threats: 2, insults: 3, control: 3 }],
    ['impact-him', 'him', programme, 'T2.1', 30, { physical: 0, threats: 1, insults: 2, control: 2 }],
    ['impact-her', 'her', support, 'T0', 79, { physical: 3, threats: 3, insults: 4, control: 4, fear: 4 }],
    ['impact-her', 'her', support, 'T1', 60, { physical: 2, threats: 3, insults: 3, control: 4, fear: 3 }],
    ['impact-her', 'her', support, 'T2.1', 28, { physical: 1, threats: 2, insults: 3, control: 3, fear: 3 }],
  ] as const) {
    await expect(
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
  }
  // Recidivism from three sources: her, the police, and what he said himself.
  for (const [client, report] of [
    [
      support,
      { occurredOn: day(-58), forms: ['psychological', 'threats'], severity: 'moderate', source: 'her' },
    ],
    [
      programme,
      {
        occurredOn: day(-47),
        forms: ['order_breach'],
        severity: 'moderate',
        source: 'agency',
        sourceAgencyId: police,
        policeInvolved: true,
        description: 'Police called to the street after a shouting match',
      },
    ],
    [programme, { occurredOn: day(-20), forms: ['psychological'], severity: 'low', source: 'him' }],
  ] as const) {
    await expect(client.post(`/api/joint-cases/${caseId}/recidivism`, report), 201, 'recidivism');
  }
  for (const [daysAgo, status] of [
    [77, 'present'],
    [70, 'present'],
    [63, 'absent_excused'],
    [56, 'present'],
    [49, 'absent_unexcused'],
    [42, 'present'],
    [35, 'present'],
    [28, 'present'],
    [21, 'present'],
    [14, 'present'],
    [7, 'present'],
  ] as const) {
    await expect(
      programme.post(`/api/pp-episodes/${ferri.episodeId}/attendance`, {
        sessionDate: day(-daysAgo),
        status,
      }),
      200,
      'attendance',
    );
  }

  // The schedule counts from the opening, moved back above: the first meeting falls in the past.
  await keepMeetingsScheduled(database);
  const attendance = [
    user('pp.manager@oltre.demo'),
    user('vss.manager@casadonne.demo'),
    user('partner.contact@casadonne.demo'),
  ];
  for (const meetingNumber of [1, 2]) {
    const meetings = await expect(programme.get(`/api/joint-cases/${caseId}/meetings`), 200, 'meetings');
    const planned = (meetings.items as Array<{ id: string; status: string; scheduledFor: string }>).find(
      (meeting) => meeting.status === 'planned',
    );
    const meetingId = must(planned, 'the planned meeting').id;
    const heldAt = planned!.scheduledFor;
    for (const item of ['joint_risk_assessment', 'recidivism', 'individual_change', 'qualitative_elements']) {
      await expect(
        support.put(`/api/meetings/${meetingId}/agenda/${item}`, {
          status: 'addressed',
          notes:
            meetingNumber === 1
              ? 'Discussed; the two sides’ views are recorded in the joint risk view.'
              : 'Reviewed; little change since the last meeting.',
        }),
        200,
        `agenda ${item}`,
      );
    }
    await expect(
      support.post(`/api/meetings/${meetingId}/qualitative-notes`, {
        concernLevel: meetingNumber === 1 ? 'high' : 'medium',
        text: 'She is afraid of the handovers of Sofia at weekends.',
      }),
      200,
      'qualitative note',
    );
    const handover = await expect(
      programme.post(`/api/joint-cases/${caseId}/actions`, {
        need: 'Safe handovers of the child',
        action:
          meetingNumber === 1
            ? 'Work on his conduct at handovers in the individual sessions'
            : 'Agree a neutral place for handovers with the social services',
        term: meetingNumber === 1 ? day(-28) : day(-3),
        responsibleAgencyId: oltre,
        responsibleUserId: user('pp.manager@oltre.demo'),
        meetingId,
      }),
      201,
      'action',
    );
    if (meetingNumber === 1)
      await expect(programme.patch(`/api/actions/${handover.id}`, { status: 'done' }), 200, 'action done');
    await expect(
      support.put(`/api/meetings/${meetingId}/agenda/joint_action_plan`, { status: 'addressed' }),
      200,
      'agenda joint_action_plan',
    );
    if (meetingNumber === 1) {
      // Reassessed for the first meeting: both sides lower; the programme proposes the lower level
      // in the meeting, her case manager confirms it.
      await expect(
        programme.post(
          '/api/instrument-responses',
          checklist(50, { minimising: { value: 'yes', source: 'professional_observation' } }),
        ),
        201,
        'programme checklist again',
      );
      await expect(
        support.post(
          '/api/instrument-responses',
          checklist(49, {
            extreme_fear: { value: 'yes', source: 'her' },
            substance_misuse: { value: 'yes', source: 'agency' },
            minimising: { value: 'yes', source: 'her' },
            child_contact_disputes: { value: 'yes', source: 'her' },
          }),
        ),
        201,
        'her service’s checklist again',
      );
      // Lower than the level in force: the programme proposes it, her case manager confirms it.
      const proposed = await expect(
        programme.post(`/api/joint-cases/${caseId}/agreed-level`, {
          level: 'intermediate',
          rationale: 'No new physical violence since the first meeting; attendance steady.',
          agreedOn: day(-48),
        }),
        200,
        'lower level proposed',
      );
      await expect(
        support.post(`/api/joint-cases/${caseId}/agreed-level/confirm`, {
          proposalId: must(proposed.pendingLowering, 'the proposal').id,
        }),
        200,
        'lower level confirmed',
      );
    }
    await expect(
      support.post(`/api/meetings/${meetingId}/close`, {
        attendance,
        heldAt,
        minutes:
          meetingNumber === 1
            ? 'First Phase 2 meeting. Risk lowered from high to intermediate by both case managers; the handovers of the child are the main concern.'
            : 'Second Phase 2 meeting. Attendance steady; the handover arrangement is still open.',
        decisions: 'Next meeting as scheduled.',
      }),
      200,
      'close meeting',
    );
  }

  // Ferri, today: what Lucia told her case manager is shared with the police without her consent
  // (vital interests), authorised by a second case manager; telling her waits until it is safe.
  const share = await expect(
    support.post(`/api/victims/${lucia}/serious-harm-shares`, {
      recipientAgencyId: police,
      atRisk: 'her',
      lawfulBasis: 'vital_interests',
      legalReference: 'GDPR art. 6(1)(d), 9(2)(c)',
      reason: 'He told a friend he would "finish it" once the court date is set; he has a hunting licence.',
      content:
        "Threat to kill reported by a third party; he holds a hunting licence and keeps a rifle at his brother's. Demo text.",
      validTo: day(30),
    }),
    201,
    'serious-harm share',
  );
  await expect(
    supportLead.post(`/api/serious-harm-shares/${share.id}/decision`, { decision: 'authorise' }),
    200,
    'serious-harm share authorised',
  );
  await expect(
    support.post(`/api/serious-harm-shares/${share.id}/telling`, {
      outcome: 'postponed',
      reason: 'He is still in contact with her; the police visit comes first.',
      reviewOn: day(3),
    }),
    200,
    'telling her postponed',
  );

  // 2. Greco: referred this week, waiting for his release before partner contact can start.
  await refer({
    him: { firstName: 'Davide', lastName: 'Greco', dateOfBirth: '1990-11-02' },
    referredDaysAgo: 4,
    pathway: 'mandatory',
    steps: [{ to: 'intake', daysAgo: 1 }],
  });

  // 3. Moretti: his release names a former partner; her service has not reached her yet.
  await refer({
    him: { firstName: 'Stefano', lastName: 'Moretti', dateOfBirth: '1978-06-21' },
    referredDaysAgo: 12,
    pathway: 'voluntary',
    steps: [
      { to: 'intake', daysAgo: 8 },
      { to: 'active', daysAgo: 3 },
    ],
    her: {
      firstName: 'Sara',
      lastName: 'Moretti',
      relationship: 'former',
      address: 'Via delle Prove 3, Bologna',
      phone: '+39 000 000 0003',
    },
  });

  // 4. Esposito: he dropped out two days ago; her partner-contact worker must tell her.
  const esposito = await refer({
    him: { firstName: 'Luca', lastName: 'Esposito', dateOfBirth: '1987-01-30' },
    referredDaysAgo: 60,
    pathway: 'recommended',
    steps: [
      { to: 'intake', daysAgo: 55 },
      { to: 'active', daysAgo: 48 },
    ],
    her: {
      firstName: 'Elena',
      lastName: 'Esposito',
      relationship: 'current',
      address: 'Via Finta 8, Bologna',
      phone: '+39 000 000 0008',
    },
  });
  await contactHer(must(esposito.herId, 'Elena'), esposito.episodeId, 45);
  await expect(
    programme.post(`/api/pp-episodes/${esposito.episodeId}/status`, {
      to: 'dropped_out',
      date: day(-2),
      reason: 'Stopped attending after three unexcused absences',
    }),
    200,
    'dropout',
  );

  // 5. Bianchi: a programme completed five months ago, IMPACT up to T4, the joint case closed.
  await seedClosedCase(desk);

  await desk.close();
}
