// The set-up both real-tunnel tests share: a phone's namespace, the simulator with its real data plane
// (wireguard-go) linked to it, the app's real services with the router added and online, and contract calls
// through the IPC invoker. Each resource's cleanup is registered before it is made, newest undone first.
import { AppError, type Envelope, type InvokeChannel, type InvokeInput, type InvokeOutput } from '../../../src/contract/index.ts';
import { createHandlers } from '../../../main/ipc/handlers.ts';
import { createInvoker } from '../../../main/ipc/invoker.ts';
import { startSimulator, type Simulator } from '../../../main/sim/index.ts';
import { services, statusWhere } from '../services/support.ts';
import { ClientDevice } from './client-device.ts';

export interface TunnelRouter {
  phone: ClientDevice;
  sim: Simulator;
  s: Awaited<ReturnType<typeof services>>['s'];
  routerId: string;
  call<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>>;
  envelope<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Envelope<InvokeOutput<C>>>;
}

export async function tunnelRouter(o: { name: string; password: string; uplink: { hostAddress: string; routerAddress: string } }, cleanups: Array<() => Promise<void>>): Promise<TunnelRouter> {
  const phone = new ClientDevice();
  cleanups.push(() => phone.destroy());
  await phone.createNamespace();
  const open: { sim?: Simulator; app?: Awaited<ReturnType<typeof services>> } = {};
  cleanups.push(async () => open.sim?.close());
  const sim = (open.sim = await startSimulator({
    host: '127.0.0.1', port: 0, version: '7.18', peers: 0, users: [{ name: 'tech', password: o.password }],
    dataPlane: { uplink: { namespace: phone.namespace, ...o.uplink } },
  }));
  cleanups.push(async () => open.app?.close());
  const { s } = (open.app = await services());
  const invoke = createInvoker(createHandlers(s), { onUnexpectedError: (channel, error) => console.error('unexpected error in', channel, error) });
  const envelope = async <C extends InvokeChannel>(channel: C, input: InvokeInput<C>) => (await invoke(channel, input)) as Envelope<InvokeOutput<C>>;
  const call = async <C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>> => {
    const result = await envelope(channel, input);
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
    return result.value;
  };
  const router = await call('routers:add', { name: o.name, host: '127.0.0.1', port: sim.port, transport: 'api', username: 'tech', password: o.password });
  await statusWhere(s, router.id, (st) => st.state === 'online');
  return { phone, sim, s, routerId: router.id, call, envelope };
}
