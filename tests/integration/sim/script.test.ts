import { describe, expect, it } from 'vitest';
import { checkScript, parseScript, ScriptSyntaxError } from '../../../main/sim/index.ts';
import { summary } from './helpers/raw-api.ts';
import { login, simulators, testKey } from './helpers/sim.ts';
import type { Simulator } from '../../../main/sim/index.ts';

const start = simulators();
const PEERS = '/interface/wireguard/peers';

async function router(): Promise<Simulator> {
  const sim = await start();
  sim.state.add('/interface/wireguard', { name: 'wg1', 'listen-port': 13231 });
  sim.state.add(PEERS, { interface: 'wg1', 'public-key': testKey(1), 'allowed-address': '10.0.0.2/32' });
  sim.state.add(PEERS, { interface: 'wg1', 'public-key': testKey(2), 'allowed-address': '10.0.0.3/32', comment: 'two' });
  sim.state.add('/ip/address', { address: '10.0.0.1/24', interface: 'wg1' });
  return sim;
}

describe('script parser (exported for the app\'s tests)', () => {
  it('parses WireDesk-style lines: console paths, [find where ...], quoted values with escapes', () => {
    const { commands } = parseScript([
      '/system scheduler remove [find name=wiredesk-undo-1]',
      `/interface wireguard peers set [find public-key="${testKey(1)}"] allowed-address=10.0.0.2/32 disabled=no comment="a \\"quoted\\" \\$5 \\\\ text\\nline"; :delay 1s`,
    ].join('\n'));
    expect(commands).toHaveLength(3);
    expect(commands[0]!.words.map((w) => w.value)).toEqual([
      { kind: 'text', text: '/system', quoted: false }, { kind: 'text', text: 'scheduler', quoted: false },
      { kind: 'text', text: 'remove', quoted: false }, { kind: 'find', where: false, conditions: [{ name: 'name', value: 'wiredesk-undo-1' }] },
    ]);
    expect(commands[1]!.args.map((a) => [a.name, a.value.kind === 'text' ? a.value.text : a.value])).toEqual([
      ['allowed-address', '10.0.0.2/32'], ['disabled', 'no'], ['comment', 'a "quoted" $5 \\ text\nline'],
    ]);
    expect(commands[2]!.line).toBe(2);
    expect(parseScript('/ip address remove [find where address="10.0.0.1/24" interface=wg1]').commands[0]!.words[3]!.value)
      .toEqual({ kind: 'find', where: true, conditions: [{ name: 'address', value: '10.0.0.1/24' }, { name: 'interface', value: 'wg1' }] });
  });

  it('reports syntax errors with line and column, and constructs the simulator does not run', () => {
    expect(() => parseScript('/ip address print\n/ip address add comment="open')).toThrow('syntax error (line 2 column 30)');
    expect(() => parseScript(':put $x')).toThrow(ScriptSyntaxError);
    expect(() => parseScript(':do { /ip address print } while=(1)')).toThrow(/simulator: .* not supported/);
    expect(() => parseScript(':do { /ip address print ')).toThrow(ScriptSyntaxError);
  });

  it('checkScript resolves paths, commands and argument names for a version', () => {
    expect(checkScript('/interface wireguard peers add interface=wg1 public-key="x" allowed-address=10.0.0.9/32')).toEqual([]);
    expect(checkScript('/interface wireguard peers add responder=yes', { version: '7.16' })).toEqual([
      { line: 1, column: 32, message: 'unknown parameter responder' },
    ]);
    expect(checkScript('/interface wireguard peerz remove [find]')[0]!.message).toBe('bad command name peerz (line 1 column 22)');
  });
});

describe('script execution', () => {
  it('/system/script add + run (number= and .id) changes the router through the same checks', async () => {
    const sim = await router();
    const api = await login(sim);
    const source = [
      `/interface wireguard peers remove [find where public-key="${testKey(1)}"]`,
      `/interface wireguard peers set [find public-key="${testKey(2)}"] allowed-address=10.0.0.4/32 disabled=yes comment="a \\"quoted\\" text"`,
      `/interface wireguard peers add interface=wg1 public-key="${testKey(3)}" allowed-address=10.0.0.5/32`,
      '/interface wireguard set [find name=wg1] listen-port=13300',
      '/ip address remove [find address="10.0.0.1/24" interface=wg1]',
    ].join('\n');
    const id = (await api.call(['/system/script/add', '=name=undo', `=source=${source}`]))[0]!.get('ret')!;
    expect(summary(await api.call(['/system/script/run', '=number=undo']))).toEqual(['!done']);
    const peers = sim.state.print(PEERS);
    expect(peers.map((p) => p['public-key'])).toEqual([testKey(2), testKey(3)]);
    expect(peers[0]).toMatchObject({ 'allowed-address': '10.0.0.4/32', disabled: 'true', comment: 'a "quoted" text' });
    expect(sim.state.print('/interface/wireguard')[0]!['listen-port']).toBe('13300');
    expect(sim.state.print('/ip/address').filter((a) => a.interface === 'wg1')).toEqual([]);
    // Again by .id: the remove finds nothing now (no error), the add meets the existing key.
    expect(summary(await api.call(['/system/script/run', `=.id=${id}`]))).toEqual(['!trap - failure: entry already exists', '!done']);
    expect((await api.rows(['/system/script/print']))[0]).toMatchObject({ name: 'undo', owner: 'admin', 'run-count': '2' });
  });

  it('an error stops the script at that line and is logged; lines after it do not run', async () => {
    const sim = await router();
    const result = await sim.scripts.run([
      '/ip firewall filter remove [find comment="nothing has this"]',
      '/ip address add address=10.9.9.1/24 interface=no-such-interface',
      `/interface wireguard peers remove [find public-key="${testKey(1)}"]`,
    ].join('\n'));
    expect(result).toMatchObject({ commandsRun: 1, error: { line: 2, message: 'input does not match any value of interface' } });
    expect(sim.state.table(PEERS).size).toBe(2);
    expect(sim.state.print('/log')).toEqual([expect.objectContaining({ topics: 'script,error', message: '(script) input does not match any value of interface' })]);
  });

  it(':do { } on-error={ } catches a failing line, so the lines after it still run (manual "Scripting")', async () => {
    const sim = await router();
    const result = await sim.scripts.run([
      `:do { /interface wireguard peers add interface=wg1 public-key="${testKey(1)}" allowed-address=10.0.0.9/32 } on-error={}`,
      ':do { /ip address add address=10.9.9.1/24 interface=no-such-interface } on-error={ :log warning "skipped" }',
      `:do { /interface wireguard peers remove [find public-key="${testKey(2)}"] } on-error={}`,
    ].join('\n'));
    expect(result.error).toBeUndefined();
    expect(sim.state.print(PEERS).map((p) => p['public-key'])).toEqual([testKey(1)]);
    expect(sim.state.print('/log')).toEqual([expect.objectContaining({ topics: 'script,warning', message: 'skipped' })]);
    expect(checkScript(`:do { /interface wireguard peers remove [find public-key="x"] } on-error={}`)).toEqual([]);
  });

  it('an unknown command stops the script with the console\'s message', async () => {
    const sim = await router();
    const result = await sim.scripts.run(`/interface wireguard peers frobnicate [find]\n/interface wireguard peers remove [find]`);
    expect(result.error).toEqual({ line: 1, message: 'bad command name frobnicate (line 1 column 28)' });
    expect(sim.state.table(PEERS).size).toBe(2);
    expect((await sim.scripts.run(':beep 440')).error!.message).toBe('bad command name beep (line 1 column 1)');
  });

  it('a syntax error anywhere runs nothing', async () => {
    const sim = await router();
    const result = await sim.scripts.run(`/interface wireguard peers remove [find]\n/ip address add comment="open`);
    expect(result).toMatchObject({ commandsRun: 0, error: { line: 2 } });
    expect(sim.state.table(PEERS).size).toBe(2);
  });

  it('runs with the policy it was given: without write, changes are refused', async () => {
    const sim = await router();
    const result = await sim.scripts.run('/interface wireguard peers remove [find]', { policy: ['read', 'test'] });
    expect(result.error!.message).toBe('not enough permissions (9)');
    expect(sim.state.table(PEERS).size).toBe(2);
  });

  it('path-only lines set the menu for the lines after them; :delay waits; several find conditions are ANDed', async () => {
    const sim = await router();
    const began = Date.now();
    const result = await sim.scripts.run([
      '/interface wireguard peers',
      'set [find where interface=wg1 comment=two] comment=changed',
      'set [find interface=wg1 comment=none-such] comment=never',
      ':delay 200ms',
      ':log info "done here"',
    ].join('\n'));
    expect(result.error).toBeUndefined();
    expect(Date.now() - began).toBeGreaterThanOrEqual(190);
    expect(sim.state.print(PEERS).map((p) => p.comment)).toEqual([undefined, 'changed']);
    expect(sim.state.print('/log').at(-1)).toMatchObject({ topics: 'script,info', message: 'done here' });
  });
});
