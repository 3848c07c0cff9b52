// Plan steps in RouterOS console syntax, two ways:
// - `commandLine`: what is sent, word for word (`/interface wireguard peers set *1A disabled=yes`), with
//   secrets as <hidden>: the preview a technician reads and can copy into a terminal;
// - `scriptLine`: the same step finding its item by stable fields (`[find public-key="…"]`), for scripts the
//   router runs by itself (the rollback scheduler entry, a backup's .rsc), where an `.id` may have changed.
// Quoting follows the RouterOS scripting manual ("Scripting" > "Constants" > escape sequences): a value with
// anything but plain name characters is double-quoted, and \ " $ ? and control characters are escaped.
import { encodeValue, type ParamValue } from '../../routeros/text.ts';
import { printValue, type PlanStep } from './plan.ts';

export const HIDDEN = '<hidden>';

/** `/interface/wireguard/peers` as the console writes it: `/interface wireguard peers`. */
export function consolePath(menu: string): string {
  return `/${menu.split('/').filter(Boolean).join(' ')}`;
}

const PLAIN = /^[A-Za-z0-9._:/,*@+-]+$/;

export function quoteValue(value: string): string {
  if (value !== '' && PLAIN.test(value)) return value;
  let out = '';
  for (const ch of value) {
    switch (ch) {
      case '\\': out += '\\\\'; break;
      case '"': out += '\\"'; break;
      case '$': out += '\\$'; break;
      case '?': out += '\\?'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      default: {
        const code = ch.codePointAt(0)!;
        out += code < 0x20 || code === 0x7f ? `\\${code.toString(16).toUpperCase().padStart(2, '0')}` : ch;
      }
    }
  }
  return `"${out}"`;
}

function args(step: PlanStep, secrets: ReadonlySet<string>): string {
  return step.params.map(([k, v]) => `${k}=${secrets.has(k) ? HIDDEN : quoteValue(printValue(v))}`).join(' ');
}

export function commandLine(step: PlanStep, secrets: ReadonlySet<string>, id?: string): string {
  const parts = [consolePath(step.menu), step.verb];
  const target = id ?? step.target?.id;
  // A `set` with no target is a singleton menu's only item (/ip cloud set ...): no id, as the console writes it.
  if (step.verb !== 'add' && (step.target || id !== undefined)) parts.push(target ?? '');
  const a = args(step, secrets);
  if (a) parts.push(a);
  return parts.join(' ');
}

/** The step for a script: its item found by fields. Secrets are written out (the router needs them) unless hidden. */
export function scriptLine(step: PlanStep, options: { hideSecrets?: ReadonlySet<string> } = {}): string {
  const hide = options.hideSecrets ?? new Set<string>();
  const parts = [consolePath(step.menu), step.verb];
  if (step.verb !== 'add' && step.target) {
    const find = step.target.find.map(([k, v]) => `${k}=${quoteValue(v)}`).join(' ');
    parts.push(`[find ${find}]`);
  }
  const a = args(step, hide);
  if (a) parts.push(a);
  return parts.join(' ');
}

/** API words of a step, as the client sends them (`.id` first for set and remove). */
export function stepParams(step: PlanStep, id?: string): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  if (step.verb !== 'add' && (step.target || id !== undefined)) out['.id'] = id ?? step.target?.id ?? '';
  for (const [k, v] of step.params) out[k] = v;
  return out;
}

/** `=name=value` words of a step, for comparing with what a router received. */
export function stepWords(step: PlanStep, id?: string): string[] {
  return Object.entries(stepParams(step, id)).map(([k, v]) => `=${k}=${encodeValue(v).toString('utf8')}`);
}
