// Transport-agnostic core of IPC: Electron's ipcMain and the browser test host's WebSocket both call this.
// Input is parsed with the contract's schema before a handler sees it; output is parsed on the way out so
// that fields outside the contract (secrets) are stripped; every failure becomes an envelope.
import type { z } from 'zod';
import {
  formatZodError,
  invokeContract,
  isInvokeChannel,
  type Envelope,
  type InvokeChannel,
  type InvokeOutput,
  type InvokeParsedInput,
} from '../../src/contract/index.ts';
import { toAppError } from '../services/errors.ts';

export type Handler<C extends InvokeChannel> = (input: InvokeParsedInput<C>) => Promise<InvokeOutput<C>> | InvokeOutput<C>;
export type HandlerTable = { [C in InvokeChannel]: Handler<C> };

export interface InvokerOptions {
  /** Called for unexpected errors (bugs), with the channel; expected AppErrors are not reported. */
  onUnexpectedError?: (channel: string, error: unknown) => void;
}

export type Invoker = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function createInvoker(handlers: HandlerTable, options: InvokerOptions = {}): Invoker {
  return async (channel, rawInput) => {
    if (!isInvokeChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no IPC channel named ${JSON.stringify(channel)}.` } };
    }
    const contract = invokeContract[channel];
    const parsed = contract.input.safeParse(rawInput);
    if (!parsed.success) {
      return { ok: false, error: { code: 'BAD_INPUT', message: formatZodError(parsed.error) } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const out = (contract.output as z.ZodType).safeParse(value);
      if (!out.success) {
        options.onUnexpectedError?.(channel, new Error(`output of ${channel} breaks the contract: ${formatZodError(out.error)}`));
        return { ok: false, error: { code: 'INTERNAL', message: `WireDesk produced an invalid answer for ${channel}. This is a bug; the log has details.` } };
      }
      return { ok: true, value: out.data };
    } catch (error) {
      // Known failure families (RouterOS, keychain, store) carry their own code and sentence.
      const known = toAppError(error);
      if (known) return { ok: false, error: known.toData() };
      options.onUnexpectedError?.(channel, error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'INTERNAL', message: `Unexpected error in ${channel}: ${message}` } };
    }
  };
}
