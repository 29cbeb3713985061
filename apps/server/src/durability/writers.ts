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

export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { stage?: string; csrfToken?: string };
  if (response.status !== 200 || body.stage !== 'active' || !body.csrfToken)
    throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(body)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .join('; ');
  return { cookie, csrfToken: body.csrfToken };
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
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
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
