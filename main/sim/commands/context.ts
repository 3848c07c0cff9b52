// What a command handler gets: the parsed request, the router, and ways to answer.
import type { RouterState } from '../state/router-state.ts';
import type { MenuSpec } from '../menus/spec.ts';
import type { SafeModeOwner } from '../state/safe-mode.ts';
import { traps } from '../trap.ts';

export interface UserRecord {
  name: string;
  password: string;
  /** RouterOS policies: read, write, api, sensitive, test, ... */
  policies: ReadonlySet<string>;
}

export interface CommandContext {
  readonly state: RouterState;
  /** Full command path, `/interface/wireguard/peers/print`. */
  readonly command: string;
  readonly menu: MenuSpec | undefined;
  readonly attributes: ReadonlyMap<string, Buffer>;
  /** Raw `?` query words without the question mark. */
  readonly queries: readonly Buffer[];
  readonly proplist: readonly string[] | undefined;
  readonly user: UserRecord;
  /** The API session that sent the command; undefined when a script runs it. */
  readonly session?: SafeModeOwner | undefined;
  /** Aborted by `/cancel` or when the connection closes; long-running commands stop on it. */
  readonly signal: AbortSignal;
  /** Sends one `!re`. */
  reply(props: ReadonlyArray<readonly [string, Buffer | string]>): void;
  /** Sends `!empty` (RouterOS 7.18+: the command has no rows). */
  empty(): void;
}

export interface CommandResult {
  /** `=ret=` on `!done` (new id after add, count after count-only). */
  ret?: string | Buffer;
}

export type CommandHandler = (ctx: CommandContext) => Promise<CommandResult | void> | CommandResult | void;

/** Rejects attributes the command does not take, with the router's message. */
export function allowOnly(ctx: CommandContext, allowed: readonly string[]): void {
  for (const name of ctx.attributes.keys()) {
    if (!allowed.includes(name)) throw traps.unknownParameter(name);
  }
}

export function requirePolicy(ctx: CommandContext, policy: string): void {
  if (!ctx.user.policies.has(policy)) throw traps.permissions();
}
