// The IPC contract: one zod schema per invoke channel's input and output and per pushed event's payload.
// Both processes import this table; types come from z.infer so they cannot drift apart.
import { z } from 'zod';
import type { Envelope } from './envelope.ts';
import type { EventChannel, InvokeChannel } from './names.ts';
import {
  appInfoSchema,
  connectionTestSchema,
  routerDraftSchema,
  routerIdSchema,
  routerProfileSchema,
  routerStatusSchema,
  routerSummarySchema,
  routerUpdateSchema,
  settingsSchema,
} from './models.ts';
import { byRouterSchema, interfaceListSchema, modelChangedSchema, peerCountersSchema, peerListSchema, routerHealthSchema } from './wireguard.ts';
import { managementContract, managementEventContract } from './management.ts';
import { configsContract } from './configs.ts';
import { trafficContract, trafficEventContract } from './traffic.ts';

const none = z.undefined();
const byId = z.object({ id: routerIdSchema });

export const invokeContract = {
  'app:info': { input: none, output: appInfoSchema },
  'settings:get': { input: none, output: settingsSchema },
  'settings:update': { input: settingsSchema.partial(), output: settingsSchema },
  'routers:list': { input: none, output: z.array(routerSummarySchema) },
  'routers:test': {
    input: routerDraftSchema.extend({ id: routerIdSchema.optional() }),
    output: connectionTestSchema,
  },
  'routers:add': { input: routerDraftSchema, output: routerProfileSchema },
  'routers:update': { input: routerUpdateSchema, output: routerProfileSchema },
  'routers:remove': { input: byId, output: z.object({ removed: z.literal(true) }) },
  'routers:reconnect': { input: byId, output: routerStatusSchema },
  'routers:startDemo': { input: none, output: routerProfileSchema },
  'interfaces:list': { input: byRouterSchema, output: interfaceListSchema },
  'peers:list': { input: byRouterSchema, output: peerListSchema },
  'peers:counters': { input: byRouterSchema, output: peerCountersSchema },
  'router:health': { input: byRouterSchema, output: routerHealthSchema },
  ...managementContract,
  ...configsContract,
  ...trafficContract,
} as const satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>;

export const eventContract = {
  'router:status': routerStatusSchema,
  'routers:changed': z.object({ reason: z.enum(['added', 'updated', 'removed']), id: routerIdSchema }),
  'settings:changed': settingsSchema,
  'model:changed': modelChangedSchema,
  ...managementEventContract,
  ...trafficEventContract,
} as const satisfies Record<EventChannel, z.ZodType>;

// Compile-time proof that names.ts lists exactly the channels defined here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _invokeNamesMatch: Exact<keyof typeof invokeContract, InvokeChannel> = true;
const _eventNamesMatch: Exact<keyof typeof eventContract, EventChannel> = true;
void _invokeNamesMatch;
void _eventNamesMatch;

export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['input']>;
export type InvokeParsedInput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

/** What the preload exposes on `window.wiredesk`; the browser test host provides the same object. */
export interface WireDeskBridge {
  invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Envelope<InvokeOutput<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
