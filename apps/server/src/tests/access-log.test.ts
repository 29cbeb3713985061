import { describe, expect, it } from 'vitest';
import { sealAuditTrail, verifyAuditChain } from '../audit/audit-trail.js';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';

/** Who saw her data, and the audit of every person-level read (docs/domain.md), through the API and checked in the database. */

const { world, db, openCase, lastAuditId } = caseWorld();

describe('who saw her data, and the audit of every person-level read', () => {
  it('lists for her service’s agency admin who read her record, by name; 404 for the programme’s admin', async () => {
    const { clients, users } = world.scenario;
    const made = await openCase({ consents: [{ scope: 'share_disclosures' }] });
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'Shared with the programme',
      }),
      201,
      'disclosure',
    );
    await must(
      clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, { jointCaseId: made.jointCaseId }),
      201,
      'share',
    );
    await must(clients.vssManager.get(`/api/people/${made.herId}`), 200, 'read');
    await must(clients.partnerContact.get(`/api/victims/${made.herId}`), 200, 'read');
    await must(clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`), 200, 'read');

    const log = await clients.vssAdmin.get(`/api/people/${made.herId}/access-log`);
    expect(log.statusCode).toBe(200);
    const entries = log.json().items as Array<{
      actorName: string;
      actorUserId: string;
      action: string;
      basis: unknown;
    }>;
    const by = (userId: string) =>
      entries.filter((entry) => entry.actorUserId === userId).map((entry) => entry.action);
    const nameOf = (userId: string) => entries.find((entry) => entry.actorUserId === userId)?.actorName;
    expect(by(users.vssManager.id)).toEqual(
      expect.arrayContaining(['person.read', 'disclosure.share', 'consent.give']),
    );
    expect(by(users.partnerContact.id)).toEqual(expect.arrayContaining(['victim_file.read']));
    // The programme created her record when he named her, and received what was shared.
    expect(by(users.ppManager.id)).toEqual(expect.arrayContaining(['person.create', 'shared_item.read']));
    expect(nameOf(users.ppManager.id)).toMatch(/^Test user-/);
    expect(nameOf(users.vssManager.id)).toMatch(/^Test user-/);
    const shareEntry = entries.find((entry) => entry.action === 'disclosure.share');
    expect(shareEntry?.basis).toMatchObject({
      agreementId: made.agreementId,
      consentId: made.consentIds.share_disclosures,
    });
    expect(log.body).not.toContain('Via Regola');
    expect(log.body).not.toContain('Shared with the programme');

    for (const client of [
      clients.ppAdmin,
      clients.vssManager,
      clients.ppManager,
      clients.police,
      clients.coordinator,
    ]) {
      expect((await client.get(`/api/people/${made.herId}/access-log`)).statusCode).toBe(404);
    }
    // The programme's admin sees who read him, not her.
    expect((await clients.ppAdmin.get(`/api/people/${made.himId}/access-log`)).statusCode).toBe(200);
  });

  it('writes an audit row naming the person for every person-level read', async () => {
    const { clients, users } = world.scenario;
    const made = await openCase({ withChild: true, consents: [{ scope: 'share_disclosures' }] });
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'For the programme',
      }),
      201,
      'disclosure',
    );
    await must(
      clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, { jointCaseId: made.jointCaseId }),
      201,
      'share',
    );
    await must(
      clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
        to: 'suspended',
        date: isoDay(0),
      }),
      200,
      'suspend (raises a duty)',
    );
    const reads: Array<[string, keyof typeof clients, string, string[]]> = [
      ['her person record', 'vssManager', `/api/people/${made.herId}`, [made.herId]],
      ['her file', 'partnerContact', `/api/victims/${made.herId}`, [made.herId]],
      ['his episode', 'vssManager', `/api/pp-episodes/${made.episodeId}`, [made.himId]],
      ['his episode, by the programme', 'ppManager', `/api/pp-episodes/${made.episodeId}`, [made.himId]],
      ['the episode list', 'ppManager', '/api/pp-episodes', [made.himId]],
      ['search by her name', 'vssManager', `/api/people/search?q=Lucia%20${made.herLastName}`, [made.herId]],
      ['her duties', 'partnerContact', '/api/duties', [made.herId]],
      ['the home page', 'partnerContact', '/api/home', [made.herId]],
      ['the child', 'ppManager', `/api/people/${made.childId}`, [made.childId!]],
      [
        'the case page, victim side',
        'vssManager',
        `/api/joint-cases/${made.jointCaseId}`,
        [made.herId, made.himId, made.childId!],
      ],
      // What the programme received of hers is a read of her data too.
      [
        'the case page, programme',
        'ppManager',
        `/api/joint-cases/${made.jointCaseId}`,
        [made.himId, made.childId!, made.herId],
      ],
      ['the case page, police', 'police', `/api/joint-cases/${made.jointCaseId}`, [made.himId]],
    ];
    const missing: string[] = [];
    for (const [name, role, url, subjects] of reads) {
      const before = await lastAuditId();
      const response = await clients[role].get(url);
      expect(response.statusCode, name).toBe(200);
      const rows = await db()
        .selectFrom('audit_event')
        .select(['subject_person_id', 'outcome'])
        .where('id', '>', before)
        .where('actor_user_id', '=', users[role].id)
        .where('outcome', '=', 'success')
        .execute();
      const seen = new Set(rows.map((row) => row.subject_person_id));
      for (const subject of subjects)
        if (!seen.has(subject)) missing.push(`${name} as ${role}: no audit row for ${subject}`);
    }
    expect(missing).toEqual([]);
  });

  it('keeps content out of the audit trail, and the chain verifies after all of the above', async () => {
    const rows = await db().selectFrom('audit_event').select(['details', 'basis']).execute();
    const text = JSON.stringify(rows);
    for (const secret of [
      'Via Regola',
      '+39 333',
      'Scuola ',
      'new gun',
      'For the programme',
      'Shared with the programme',
      'Lucia',
      'Missed sessions',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    await sealAuditTrail(db());
    const verdict = await verifyAuditChain(db());
    expect(verdict).toMatchObject({ ok: true, unsealed: 0 });
    expect(verdict.checked).toBe(rows.length);
  });
});
