// /safe-mode/take, /safe-mode/release, /safe-mode/unroll (and print) over the API: RouterOS 7.18+ per tik4net
// ("RouterOS 7.18+ scriptable safe-mode", TikConnection.SafeModeTake; wiki github.com/danikf/tik4net/wiki/Safe-Mode)
// and tarikin/routeros-7-llm-safe-reference references/safe-mode.rsc ("Requires RouterOS >= 7.18", verified on
// CHR 7.21: take on-error=unroll|release|abort|ask, release/unroll "Safe Mode has not been taken. Action aborted."
// without a take). Older routers answer `no such command or directory (safe-mode)`. The state is in
// state/safe-mode.ts.
import type { CommandHandler, CommandContext } from './context.ts';
import { allowOnly } from './context.ts';
import type { SafeModeOnError, SafeModeOwner } from '../state/safe-mode.ts';
import { traps } from '../trap.ts';

const ON_ERROR: readonly SafeModeOnError[] = ['unroll', 'release', 'abort', 'ask'];

function owner(ctx: CommandContext): SafeModeOwner {
  // A script has no session of its own to bind Safe Mode to; treat it like a session that never holds it.
  return ctx.session ?? { id: -1, user: ctx.user.name };
}

const take: CommandHandler = (ctx) => {
  allowOnly(ctx, ['on-error']);
  const given = ctx.attributes.get('on-error')?.toString('latin1') ?? 'unroll';
  if (!ON_ERROR.includes(given as SafeModeOnError)) throw traps.invalidValue('on-error');
  ctx.state.safeMode.take(owner(ctx), given as SafeModeOnError);
};

const release: CommandHandler = (ctx) => {
  allowOnly(ctx, []);
  ctx.state.safeMode.release(owner(ctx));
};

const unroll: CommandHandler = (ctx) => {
  allowOnly(ctx, []);
  ctx.state.safeMode.unroll(owner(ctx));
};

/** enabled / user / current as the console prints them (tarikin reference, RULE 2.5). */
const print: CommandHandler = (ctx) => {
  allowOnly(ctx, ['.proplist']);
  const holder = ctx.state.safeMode.owner;
  const props: Array<[string, string]> = [['enabled', String(holder !== undefined)]];
  if (holder) props.push(['user', holder.user]);
  props.push(['current', String(holder !== undefined && holder === ctx.session)]);
  ctx.reply(props);
};

export const SAFE_MODE_COMMANDS: Readonly<Record<string, CommandHandler>> = {
  '/safe-mode/take': take,
  '/safe-mode/release': release,
  '/safe-mode/unroll': unroll,
  '/safe-mode/print': print,
};
