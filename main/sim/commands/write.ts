// add, set, remove, unset, enable, disable: the generic write commands of every list menu.
import type { CommandContext, CommandHandler } from './context.ts';
import { requirePolicy } from './context.ts';
import { addRow, removeRows, resolveRows, setRows, unsetField } from './modify.ts';
import { traps } from '../trap.ts';
import type { Row } from '../state/row.ts';

function targetRows(ctx: CommandContext): Row[] {
  const menu = ctx.menu!;
  if (menu.kind === 'singleton') return [...ctx.state.table(menu.path).rows];
  const ids = ctx.attributes.get('.id') ?? ctx.attributes.get('numbers');
  if (ids === undefined) throw traps.missing(['.id']);
  return resolveRows(ctx.state, menu, ids);
}

function without(attrs: ReadonlyMap<string, Buffer>, ...names: string[]): Map<string, Buffer> {
  return new Map([...attrs].filter(([k]) => !names.includes(k)));
}

export const add: CommandHandler = async (ctx) => {
  requirePolicy(ctx, 'write');
  const menu = ctx.menu!;
  const placeBefore = menu.ordered ? ctx.attributes.get('place-before') : undefined;
  const before = placeBefore === undefined ? undefined : resolveRows(ctx.state, menu, placeBefore)[0];
  // `owner` (scheduler, scripts) is the user who added the item.
  const system = menu.fields.some((f) => f.name === 'owner' && f.readOnly) ? new Map([['owner', Buffer.from(ctx.user.name)]]) : undefined;
  const row = addRow(ctx.state, menu, without(ctx.attributes, ...(menu.ordered ? ['place-before'] : [])), { before, system });
  await ctx.state.settled();
  return { ret: row.idText };
};

export const set: CommandHandler = async (ctx) => {
  requirePolicy(ctx, 'write');
  setRows(ctx.state, ctx.menu!, targetRows(ctx), ctx.attributes);
  await ctx.state.settled();
};

export const remove: CommandHandler = async (ctx) => {
  requirePolicy(ctx, 'write');
  const extra = [...ctx.attributes.keys()].find((k) => k !== '.id' && k !== 'numbers');
  if (extra !== undefined) throw traps.unknownParameter(extra);
  removeRows(ctx.state, ctx.menu!, targetRows(ctx));
  await ctx.state.settled();
};

export const unset: CommandHandler = async (ctx) => {
  requirePolicy(ctx, 'write');
  const name = ctx.attributes.get('value-name')?.toString('latin1');
  if (name === undefined) throw traps.missing(['value-name']);
  unsetField(ctx.state, ctx.menu!, targetRows(ctx), name);
  await ctx.state.settled();
};

const setDisabled = (value: 'true' | 'false'): CommandHandler => async (ctx) => {
  requirePolicy(ctx, 'write');
  const extra = [...ctx.attributes.keys()].find((k) => k !== '.id' && k !== 'numbers');
  if (extra !== undefined) throw traps.unknownParameter(extra);
  setRows(ctx.state, ctx.menu!, targetRows(ctx), new Map([['disabled', Buffer.from(value)]]));
  await ctx.state.settled();
};

export const enable = setDisabled('false');
export const disable = setDisabled('true');
