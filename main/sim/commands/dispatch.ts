// Maps command words (`/interface/wireguard/peers/print`) to handlers, and unknown ones to the router's traps.
import type { CommandHandler } from './context.ts';
import type { MenuSpec } from '../menus/spec.ts';
import type { RouterState } from '../state/router-state.ts';
import { SimTrap } from '../trap.ts';
import { get, listen, print } from './read.ts';
import { add, disable, enable, remove, set, unset } from './write.ts';
import { ping } from './ping.ts';

export interface ResolvedCommand {
  menu: MenuSpec | undefined;
  handler: CommandHandler;
}

function genericCommands(menu: MenuSpec): Record<string, CommandHandler> {
  const commands: Record<string, CommandHandler> = { print, listen, get };
  if (menu.readOnly) return commands;
  commands.set = set;
  if (menu.kind === 'singleton') return commands;
  Object.assign(commands, { add, remove, unset });
  if (menu.fields.some((f) => f.name === 'disabled' && !f.readOnly)) Object.assign(commands, { enable, disable });
  return commands;
}

export class CommandTable {
  private readonly commands = new Map<string, ResolvedCommand>();
  /** Every path prefix that is a menu or leads to one (`/ip`, `/ip/firewall`, ...). */
  private readonly directories = new Set<string>(['']);

  constructor(state: RouterState) {
    this.commands.set('/ping', { menu: undefined, handler: ping });
    for (const path of state.menuPaths()) {
      const menu = state.menu(path)!;
      for (const [name, handler] of Object.entries({ ...genericCommands(menu), ...menu.commands })) {
        this.commands.set(`${path}/${name}`, { menu, handler });
      }
      const parts = path.split('/');
      for (let i = 2; i <= parts.length; i++) this.directories.add(parts.slice(0, i).join('/'));
    }
  }

  /** Whether `path` (`/ip/firewall`) is a menu or leads to one. */
  isDirectory(path: string): boolean {
    return this.directories.has(path);
  }

  /** Sub-directories and commands directly under `dir` (`''` is the root), for console path completion. */
  children(dir: string): { dirs: string[]; commands: string[] } {
    const depth = dir.split('/').length;
    const under = (p: string): boolean => p.startsWith(`${dir}/`) && p.split('/').length === depth + 1;
    const name = (p: string): string => p.slice(dir.length + 1);
    return {
      dirs: [...this.directories].filter(under).map(name),
      commands: [...this.commands.keys()].filter(under).map(name),
    };
  }

  /** Adds a command outside the menus (`/safe-mode/take`). */
  register(command: string, handler: CommandHandler): void {
    this.commands.set(command, { menu: undefined, handler });
    const parts = command.split('/');
    for (let i = 2; i < parts.length; i++) this.directories.add(parts.slice(0, i).join('/'));
  }

  /** The handler, or the traps a router sends for a path it does not know. */
  resolve(command: string): ResolvedCommand | SimTrap[] {
    const found = this.commands.get(command);
    if (found) return found;
    const segments = command.split('/').filter((s) => s !== '');
    let unknown = segments[segments.length - 1] ?? '';
    for (let i = 0; i < segments.length; i++) {
      if (!this.directories.has(`/${segments.slice(0, i + 1).join('/')}`)) {
        unknown = segments[i]!;
        break;
      }
    }
    return [new SimTrap(`no such command or directory (${unknown})`, 0), new SimTrap('no such command prefix')];
  }
}
