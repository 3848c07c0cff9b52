// print, listen and get: the generic read commands of every menu.
import type { CommandContext, CommandHandler } from './context.ts';
import type { MenuSpec } from '../menus/spec.ts';
import type { Row } from '../state/row.ts';
import { allowOnly } from './context.ts';
import { compileQuery } from './query.ts';
import { menuRows, resolveRows } from './modify.ts';
import { renderRow, type Props } from '../menus/render.ts';
import { atLeast } from '../version.ts';
import { SimTrap, traps } from '../trap.ts';

/** Print arguments that only change CLI layout: accepted and ignored. */
const PRINT_ARGS = ['.proplist', 'count-only', 'detail', 'terse', 'stats', 'brief', 'without-paging', 'value-list', 'show-ids', 'from'];

function render(ctx: CommandContext, menu: MenuSpec, row: Row): Props {
  return renderRow(menu, row, ctx.state, { sensitive: ctx.user.policies.has('sensitive') });
}

function project(props: Props, proplist: readonly string[] | undefined): Props {
  return proplist === undefined ? props : props.filter(([k]) => proplist.includes(k));
}

export const print: CommandHandler = async (ctx) => {
  const menu = ctx.menu!;
  allowOnly(ctx, PRINT_ARGS);
  const matches = compileQuery(ctx.queries);
  await ctx.state.refresh(menu.path);
  let rows = menuRows(ctx.state, menu);
  const from = ctx.attributes.get('from');
  if (from !== undefined && from.length > 0) rows = resolveRows(ctx.state, menu, from);
  let count = 0;
  const countOnly = ctx.attributes.has('count-only');
  for (const row of rows) {
    const props = render(ctx, menu, row);
    if (!matches(new Map(props))) continue;
    count++;
    if (!countOnly) ctx.reply(project(props, ctx.proplist));
  }
  // `count-only`: no rows, `!done =ret=N` (socialwifi/RouterOS-api README: `done_message` is `{'ret': '13'}`).
  if (countOnly) return { ret: String(count) };
  if (count === 0 && atLeast(ctx.state.version, '7.18')) ctx.empty();
};

/** Runs until cancelled: a `!re` per change, removed rows as `.id` + `.dead` (`true` on v7, as ../shared/reference/routeros-api.md records; `yes` before, not confirmed). */
export const listen: CommandHandler = (ctx) => {
  const menu = ctx.menu!;
  allowOnly(ctx, ['.proplist']);
  const matches = compileQuery(ctx.queries);
  if (menu.rows) return new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
  const table = ctx.state.table(menu.path);
  return new Promise<void>((resolve) => {
    const unsubscribe = table.subscribe(({ kind, row }) => {
      if (kind === 'remove') {
        ctx.reply([['.id', row.idText], ['.dead', atLeast(ctx.state.version, '7.0') ? 'true' : 'yes']]);
        return;
      }
      const props = render(ctx, menu, row);
      if (matches(new Map(props))) ctx.reply(project(props, ctx.proplist));
    });
    ctx.signal.addEventListener('abort', () => {
      unsubscribe();
      resolve();
    }, { once: true });
  });
};

/** `get =.id=*1 =value-name=rx` -> `!done =ret=1234`. */
export const get: CommandHandler = async (ctx) => {
  const menu = ctx.menu!;
  allowOnly(ctx, menu.kind === 'list' ? ['.id', 'numbers', 'value-name'] : ['value-name']);
  await ctx.state.refresh(menu.path);
  const id = ctx.attributes.get('.id') ?? ctx.attributes.get('numbers');
  let row: Row | undefined;
  if (menu.kind === 'singleton') row = menuRows(ctx.state, menu)[0];
  else if (id === undefined) throw traps.missing(['.id']);
  else [row] = resolveRows(ctx.state, menu, id);
  const name = ctx.attributes.get('value-name')?.toString('latin1');
  if (name === undefined) throw traps.missing(['value-name']);
  if (!menu.fields.some((f) => f.name === name) && name !== '.id') throw traps.unknownParameter(name);
  const value = render(ctx, menu, row!).find(([k]) => k === name);
  if (value === undefined) throw new SimTrap(`failure: ${name} is not set`);
  return { ret: value[1] };
};
