import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';
import { CATALOGUES } from './catalogue.js';

/**
 * Errors answer in the user's language, through the real app: the signed-in user's own language,
 * else the browser's Accept-Language, else English. Codes and paths stay what they are.
 */

const { world, openCase } = caseWorld();
const { it: it_, bg } = CATALOGUES;

describe('errors in the user’s language', () => {
  it('gives an Italian user the Italian messages, with the same code and paths as in English', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const invalid = { disclosedOn: '31/03/2026', content: '' };
    const url = `/api/victims/${made.herId}/disclosures`;

    const english = await clients.vssManager.post(url, invalid);
    expect(english.statusCode).toBe(400);
    const englishBody = english.json();
    expect(englishBody.fields).toEqual(
      expect.arrayContaining([
        { path: 'disclosedOn', message: 'Use a date like 2026-03-31' },
        { path: 'content', message: 'Write what she disclosed' },
      ]),
    );

    await must(clients.vssManager.put('/api/me/preferences', { language: 'it' }), 200, 'language');
    // Her own language comes first: the browser's Spanish does not win over it.
    const italian = await clients.vssManager.request('POST', url, invalid, { 'accept-language': 'es' });
    expect(italian.statusCode).toBe(400);
    const body = italian.json();
    expect(body.error).toBe(englishBody.error);
    expect(body.fields.map((field: { path: string }) => field.path)).toEqual(
      englishBody.fields.map((field: { path: string }) => field.path),
    );
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { path: 'disclosedOn', message: 'Usa una data come 2026-03-31' },
        { path: 'content', message: it_['Write what she disclosed'] },
      ]),
    );
    expect(body.message).toBe(`${body.fields[0].path}: ${body.fields[0].message}`);

    // A refusal of the service (an AppError with a field), not only validation.
    const disclosure = await must(
      clients.vssManager.post(url, { disclosedOn: isoDay(-1), content: 'He said he would come back' }),
      201,
      'disclosure',
    );
    const refused = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      error: 'no_consent',
      message: it_['She has not consented to share her disclosures with this recipient (or revoked it)'],
      fields: [
        {
          path: 'recipientAgencyId',
          message:
            'Registra prima il suo consenso con ambito "condividere quanto riferito" per questo destinatario',
        },
      ],
    });
    await must(clients.vssManager.put('/api/me/preferences', { language: 'en' }), 200, 'language back');
    const back = await clients.vssManager.post(url, invalid);
    expect(back.json()).toEqual(englishBody);
  });

  it('answers someone not signed in in the first supported language of Accept-Language', async () => {
    const { app } = world.system;
    const login = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'no-address', password: '' },
        headers,
      });
    const english = (await login({})).json();
    const bulgarian = (await login({ 'accept-language': 'fr-FR, bg;q=0.8, en;q=0.5' })).json();
    expect(bulgarian.error).toBe(english.error);
    expect(bulgarian.fields.map((field: { path: string }) => field.path)).toEqual(
      english.fields.map((field: { path: string }) => field.path),
    );
    expect(bulgarian.fields).toEqual(
      expect.arrayContaining([
        { path: 'email', message: bg['Enter a valid e-mail address'] },
        { path: 'password', message: 'Въведете паролата си' },
      ]),
    );
    // A template through the app: the route's method and path are the captured values.
    const notFound = await app.inject({
      method: 'GET',
      url: '/api/no-such-thing',
      headers: { 'accept-language': 'es-ES' },
    });
    expect(notFound.json()).toEqual({
      error: 'not_found',
      message: 'No existe la ruta GET /api/no-such-thing',
    });
    // The router's own refusals (a path that is not valid UTF-8, a parameter too long), too.
    const badPath = await app.inject({
      method: 'GET',
      url: '/api/victims/%ED%A0%80',
      headers: { 'accept-language': 'el' },
    });
    expect(badPath.statusCode).toBe(400);
    expect(badPath.json()).toEqual({
      error: 'invalid_input',
      message: `path: ${CATALOGUES.el['The path is not valid text']}`,
      fields: [{ path: 'path', message: CATALOGUES.el['The path is not valid text'] }],
    });
    // No supported language: English.
    expect((await login({ 'accept-language': 'fr, de;q=0.9' })).json()).toEqual(english);
  });
});
