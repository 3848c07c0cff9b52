// /login in both forms. Modern (RouterOS >= 6.43): `=name= =password=`. Legacy (< 6.43): `/login` returns
// `=ret=<challenge>`, then `=name= =response=00<md5(0x00 + password + challenge)>`. A legacy router answers
// any /login without `=response=` with a challenge, which is how clients detect it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { UserRecord } from '../commands/context.ts';

export type LoginResult =
  | { kind: 'ok'; user: UserRecord }
  | { kind: 'challenge'; ret: string }
  | { kind: 'failed'; message: string };

export const MODERN_FAILURE = 'invalid user name or password (6)';
export const LEGACY_FAILURE = 'cannot log in';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function legacyResponse(password: string, challenge: Buffer): string {
  const md5 = createHash('md5').update(Buffer.from([0])).update(Buffer.from(password)).update(challenge).digest('hex');
  return `00${md5}`;
}

export class LoginFlow {
  private readonly users: readonly UserRecord[];
  private readonly legacy: boolean;
  private challenge: Buffer | undefined;

  constructor(users: readonly UserRecord[], legacy: boolean) {
    this.users = users;
    this.legacy = legacy;
  }

  handle(attributes: ReadonlyMap<string, Buffer>): LoginResult {
    const name = attributes.get('name')?.toString('utf8');
    const user = this.users.find((u) => u.name === name);
    if (this.legacy) {
      const response = attributes.get('response')?.toString('latin1');
      if (response === undefined) {
        this.challenge = randomBytes(16);
        return { kind: 'challenge', ret: this.challenge.toString('hex') };
      }
      const challenge = this.challenge;
      this.challenge = undefined;
      if (!user || !challenge || !sameText(response.toLowerCase(), legacyResponse(user.password, challenge))) {
        return { kind: 'failed', message: LEGACY_FAILURE };
      }
      return { kind: 'ok', user };
    }
    const password = attributes.get('password')?.toString('utf8');
    if (!user || password === undefined || !sameText(password, user.password)) return { kind: 'failed', message: MODERN_FAILURE };
    return { kind: 'ok', user };
  }
}
