import { generate } from 'otplib';

/**
 * Concurrent writers through the HTTP API, as clients: each write counts as acknowledged only
 * when its 201 has arrived — the promise the service made, which must survive a SIGKILL.
 */

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface Acknowledged {
  episodeId: string;
  lastName: string;
}

/**
 * Signs in all the way, as a person would: the password, then the second factor — enrolled on
 * the first sign-in (the code computed from the secret the server returns), verified after.
 */
export async function signIn(
  url: string,
  account: { email: string; password: string; totpSecret?: string },
): Promise<Session> {
  const post = async (path: string, body: unknown, session?: Session) => {
    const response = await fetch(`${url}/api${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(session && { cookie: session.cookie, 'x-csrf-token': session.csrfToken }),
      },
      body: JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => ({}))) as Record<string, string>;
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
    return { response, answer };
  };
  const { response, answer } = await post('/auth/login', {
    email: account.email,
    password: account.password,
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .join('; ');
  const session = { cookie, csrfToken: answer.csrfToken! };
  let secret = account.totpSecret;
  if (answer.stage === 'mfa_enrolment') {
    secret = (await post('/auth/mfa/enrolment', {}, session)).answer.secret!;
    await post('/auth/mfa/enrolment/confirm', { code: await generate({ secret }) }, session);
  } else if (answer.stage === 'mfa_verify') {
    await post('/auth/mfa/verify', { code: await generate({ secret: secret! }) }, session);
  } else if (answer.stage !== 'active') {
    throw new Error(`sign-in of ${account.email} stopped at ${answer.stage}`);
  }
  return session;
}

/**
 * Runs `writers` loops of referrals until `stop()` is called or the server dies; returns what
 * was acknowledged. A request cut off by the kill is neither acknowledged nor an error.
 */
export function startWriters(url: string, sessions: Session[], writers: number, tag: string) {
  const acknowledged: Acknowledged[] = [];
  const refused: string[] = [];
  let running = true;
  const loops = Array.from({ length: writers }, async (_, writer) => {
    const session = sessions[writer % sessions.length]!;
    for (let n = 0; running; n += 1) {
      const lastName = `Durable-${tag}-${writer}-${n}`;
      let response: Response;
      try {
        response = await fetch(`${url}/api/referrals`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
          },
          body: JSON.stringify({
            person: { firstName: 'Durable', lastName },
            pathway: 'voluntary',
            referralDate: new Date().toISOString().slice(0, 10),
          }),
        });
      } catch {
        return; // The server is gone.
      }
      if (response.status === 201) {
        const body = (await response.json().catch(() => null)) as { id?: string } | null;
        if (body?.id) acknowledged.push({ episodeId: body.id, lastName });
      } else {
        refused.push(`${response.status} ${(await response.text().catch(() => '')).slice(0, 200)}`);
      }
    }
  });
  return {
    acknowledged,
    refused,
    stop() {
      running = false;
    },
    done: () => Promise.all(loops).then(() => undefined),
  };
}
