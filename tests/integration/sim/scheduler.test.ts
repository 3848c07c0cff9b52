import { describe, expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, manualClock, simulators, testKey } from './helpers/sim.ts';

const start = simulators();

async function waitFor(condition: () => boolean, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('/system/scheduler', () => {
  it('prints RouterOS 7 fields; 7.10+ dates are ISO, the clock agrees', async () => {
    const sim = await start({ clock: manualClock(Date.UTC(2026, 11, 2, 14, 20, 0)) });
    const api = await login(sim);
    expect(await api.rows(['/system/clock/print'])).toEqual([
      { time: '14:20:00', date: '2026-12-02', 'time-zone-autodetect': 'true', 'time-zone-name': 'manual' },
    ]);
    const added = await api.call(['/system/scheduler/add', '=name=undo', '=start-date=2026-12-02', '=start-time=14:21:00', '=interval=0s', '=on-event=:log info x']);
    expect(added[0]!.get('ret')).toMatch(/^\*[0-9A-F]+$/);
    expect(await api.rows(['/system/scheduler/print'])).toEqual([{
      '.id': added[0]!.get('ret'), name: 'undo', 'start-date': '2026-12-02', 'start-time': '14:21:00', interval: '0s',
      'on-event': ':log info x', owner: 'admin', policy: 'ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon',
      'run-count': '0', 'next-run': '2026-12-02 14:21:00', disabled: 'false',
    }]);
  });

  it('before 7.10 prints dates as mmm/DD/YYYY and refuses ISO input', async () => {
    const sim = await start({ version: '7.9', clock: manualClock(Date.UTC(2026, 11, 2, 14, 20, 0)) });
    const api = await login(sim);
    expect((await api.rows(['/system/clock/print']))[0]).toMatchObject({ date: 'dec/02/2026', 'gmt-offset': '+00:00' });
    expect(summary(await api.call(['/system/scheduler/add', '=name=a', '=start-date=2026-12-02']))).toEqual(['!trap 1 invalid value for argument start-date', '!done']);
    await api.call(['/system/scheduler/add', '=name=a', '=start-date=dec/03/2026', '=start-time=08:00:00', '=interval=1d']);
    expect((await api.rows(['/system/scheduler/print']))[0]).toMatchObject({ 'start-date': 'dec/03/2026', interval: '1d', 'next-run': 'dec/03/2026 08:00:00' });
  });

  it('an entry 2 s ahead on the real clock runs once, stays listed with run-count 1, its commands logged as the router\'s', async () => {
    const sim = await start();
    sim.state.add('/interface/wireguard', { name: 'wg1' });
    const peer = sim.state.add('/interface/wireguard/peers', { interface: 'wg1', 'public-key': testKey(7), 'allowed-address': '10.0.0.7/32' });
    const api = await login(sim);
    const [clock] = await api.rows(['/system/clock/print']);
    const [h, m, s] = clock!.time!.split(':').map(Number) as [number, number, number];
    const at = new Date(Date.UTC(2000, 0, 1, h, m, s) + 2000).toISOString().slice(11, 19);
    sim.commands.start();
    const script = `/interface wireguard peers remove [find where public-key="${testKey(7)}"]`;
    expect(summary(await api.call(['/system/scheduler/add', '=name=undo', `=start-date=${clock!.date}`, `=start-time=${at}`, '=interval=0s', `=on-event=${script}`]))).toEqual(['!done']);
    await waitFor(() => sim.state.table('/interface/wireguard/peers').size === 0);
    const [entry] = await api.rows(['/system/scheduler/print']);
    expect(entry).toMatchObject({ name: 'undo', 'run-count': '1' });
    expect(entry).not.toHaveProperty('next-run');
    const byRouter = sim.commands.entries.filter((e) => e.source === 'script');
    expect(byRouter).toEqual([expect.objectContaining({ command: '/interface/wireguard/peers/remove', words: [`=numbers=${peer.idText}`], source: 'script' })]);
    expect(sim.commands.entries.find((e) => e.command === '/system/scheduler/add')!.source).toBe('api');
    expect(sim.scripts.runs).toEqual([expect.objectContaining({ origin: 'scheduler', name: 'undo', commandsRun: 1, error: undefined })]);
  });

  it('with an interval it repeats on the injected clock; disabled entries and start-time=startup never run', async () => {
    const clock = manualClock(Date.UTC(2026, 11, 2, 10, 0, 0));
    const sim = await start({ clock });
    const api = await login(sim);
    await api.call(['/system/scheduler/add', '=name=tick', '=start-date=2026-12-02', '=start-time=10:00:05', '=interval=10s', '=on-event=:log info tick']);
    await api.call(['/system/scheduler/add', '=name=off', '=start-date=2026-12-02', '=start-time=10:00:05', '=disabled=yes', '=on-event=:log info off']);
    await api.call(['/system/scheduler/add', '=name=boot', '=start-time=startup', '=on-event=:log info boot']);
    expect(await sim.scheduler.runDue()).toEqual([]);
    clock.advance(5000);
    expect((await sim.scheduler.runDue()).map((r) => r.name)).toEqual(['tick']);
    clock.advance(10_000);
    await sim.scheduler.runDue();
    clock.advance(25_000); // two slots passed while nobody looked: runs once, next slot in the future
    await sim.scheduler.runDue();
    const rows = await api.rows(['/system/scheduler/print', '=.proplist=name,run-count,next-run']);
    expect(rows).toEqual([
      { name: 'tick', 'run-count': '3', 'next-run': '2026-12-02 10:00:45' },
      { name: 'off', 'run-count': '0' },
      { name: 'boot', 'run-count': '0' },
    ]);
    expect((await api.rows(['/log/print'])).map((r) => r.message)).toEqual(['tick', 'tick', 'tick']);
    // Enabling the disabled entry later: its one-time start is past, so it does not run.
    await api.call(['/system/scheduler/enable', '=numbers=off']);
    clock.advance(1000);
    expect(await sim.scheduler.runDue()).toEqual([]);
  });

  it('a timer wakes for a moved manual clock without runDue', async () => {
    const clock = manualClock(Date.UTC(2026, 11, 2, 10, 0, 0));
    const sim = await start({ clock });
    await (await login(sim)).call(['/system/scheduler/add', '=name=x', '=start-date=2026-12-02', '=start-time=10:00:02', '=on-event=:log info moved']);
    clock.advance(2000);
    await waitFor(() => sim.scripts.runs.length === 1, 2000);
  });

  it('refuses bad values, duplicate names and read-only fields', async () => {
    const sim = await start();
    const api = await login(sim);
    expect(summary(await api.call(['/system/scheduler/add', '=name=a', '=interval=often']))).toEqual(['!trap 1 invalid value for argument interval', '!done']);
    expect(summary(await api.call(['/system/scheduler/add', '=name=a', '=start-time=25:00:00']))).toEqual(['!trap 1 invalid value for argument start-time', '!done']);
    expect(summary(await api.call(['/system/scheduler/add', '=name=a', '=policy=read,root']))).toEqual(['!trap 1 invalid value for argument policy', '!done']);
    expect(summary(await api.call(['/system/scheduler/add', '=name=a', '=run-count=3']))).toEqual(['!trap 1 unknown parameter run-count', '!done']);
    expect(summary(await api.call(['/system/scheduler/add', '=name=a', '=start-time=startup']))).toEqual(['!done']);
    expect(summary(await api.call(['/system/scheduler/add', '=name=a']))).toEqual(['!trap - failure: entry already exists', '!done']);
    expect(summary(await api.call(['/system/scheduler/remove', '=numbers=a']))).toEqual(['!done']);
    expect(await api.rows(['/system/scheduler/print'])).toEqual([]);
  });
});
