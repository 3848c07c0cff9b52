// Login, both generations. RouterOS >= 6.43 takes name and password in /login and answers a bare !done.
// Older versions ignore the password and answer !done =ret=<challenge>: the client then proves the password
// with md5(0x00 + password + challenge) prefixed with "00". Sending name+password first and falling back on
// a challenge covers both without knowing the version in advance (the approach every mature client takes).
import { createHash } from 'node:crypto';
import { RouterOsError, RouterOsTrapError } from './errors.ts';
import { attributeWord } from './protocol/sentence.ts';
import type { ApiSession } from './session.ts';

export interface Credentials {
  username: string;
  password: string;
}

export function legacyResponse(password: string, challengeHex: string): string {
  const challenge = Buffer.from(challengeHex, 'hex');
  const digest = createHash('md5')
    .update(Buffer.from([0]))
    .update(Buffer.from(password, 'utf8'))
    .update(challenge)
    .digest('hex');
  return `00${digest}`;
}

export async function login(session: ApiSession, credentials: Credentials, signal: AbortSignal): Promise<void> {
  const name = attributeWord('name', credentials.username);
  const first = await loginStep(session, credentials, [name, attributeWord('password', credentials.password)], signal);
  const challenge = first.done['ret'];
  if (challenge === undefined || challenge === '') return;
  if (!/^[0-9a-fA-F]{32}$/.test(challenge)) {
    throw new RouterOsError('PROTOCOL_ERROR', `${session.label} sent a login challenge that is not 32 hex digits`, {
      host: session.label,
      command: '/login',
    });
  }
  const response = legacyResponse(credentials.password, challenge);
  await loginStep(session, credentials, [name, attributeWord('response', response)], signal);
}

async function loginStep(
  session: ApiSession,
  credentials: Credentials,
  words: Buffer[],
  signal: AbortSignal,
): ReturnType<typeof session.send>['reply'] {
  try {
    return await session.send('/login', words, { signal }).reply;
  } catch (error) {
    if (error instanceof RouterOsTrapError) {
      throw new RouterOsError(
        'AUTH_FAILED',
        `${session.label} refused the login of user "${credentials.username}": ${error.routerMessage}`,
        { host: session.label, command: '/login', cause: error },
      );
    }
    throw error;
  }
}
