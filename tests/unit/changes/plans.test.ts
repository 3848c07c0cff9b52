// Plan steps as console lines (what a preview shows), as API words (what is sent), and their undo; the
// router-clock arithmetic for the rollback entry.
import { describe, expect, it } from 'vitest';
import { commandLine, quoteValue, scriptLine, stepWords } from '../../../main/services/changes/cli.ts';
import { planPeerAdd, planPeerRemove, planPeerSet } from '../../../main/services/changes/peer-plans.ts';
import { itemDifferences as peerDifferences } from '../../../main/services/changes/fields.ts';
import { PlanRunner } from '../../../main/services/changes/apply.ts';
import { toWireGuardPeer } from '../../../main/routeros/menus/wireguard-peers.ts';
import { parseRouterClock, schedulerStart } from '../../../main/routeros/menus/system-scheduler.ts';

const KEY = 'YjJmN2Q0ZDYtMGU1Ni00YjA5LWE3OWQtOGM0ZmQ3MzY=';
const peer = toWireGuardPeer({
  '.id': '*1A', interface: 'wg1', 'public-key': KEY, 'allowed-address': '10.8.0.2/32', name: 'ali-phone', comment: 'Ali "field" laptop',
  'persistent-keepalive': '25s', disabled: 'false', responder: 'true', 'client-address': '10.8.0.2/32', 'client-dns': '1.1.1.1',
});

describe('console lines', () => {
  it('quotes what the console would split or expand, and leaves plain words alone', () => {
    expect(quoteValue('wg1')).toBe('wg1');
    expect(quoteValue('10.8.0.2/32,fd00::2/128')).toBe('10.8.0.2/32,fd00::2/128');
    expect(quoteValue('')).toBe('""');
    expect(quoteValue('two words')).toBe('"two words"');
    expect(quoteValue('say "hi" $HOME a\\b?')).toBe('"say \\"hi\\" \\$HOME a\\\\b\\?"');
    expect(quoteValue('line\nbreak')).toBe('"line\\nbreak"');
    expect(quoteValue('москва-офис')).toBe('"москва-офис"');
  });

  it('shows an add exactly as sent, with the preshared key hidden', () => {
    const plan = planPeerAdd({ routerId: 'r', params: { interface: 'wg1', 'public-key': KEY, 'allowed-address': '10.8.0.3/32', 'preshared-key': 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0cw==', name: 'new one', responder: true }, label: { name: 'new one' }, iface: 'wg1', warnings: [] });
    const [line] = PlanRunner.commands(plan);
    expect(line).toBe(`/interface wireguard peers add interface=wg1 public-key=${quoteValue(KEY)} allowed-address=10.8.0.3/32 preshared-key=<hidden> name="new one" responder=yes`);
    expect(stepWords(plan.steps[0]!)).toEqual([
      '=interface=wg1', `=public-key=${KEY}`, '=allowed-address=10.8.0.3/32', '=preshared-key=c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0cw==', '=name=new one', '=responder=yes',
    ]);
    expect(plan.diff[0]).toMatchObject({ change: 'add', before: null, after: { 'preshared-key': '<hidden>', name: 'new one' } });
    // The router's rollback removes it by key: an .id is not known before the add answers.
    expect(PlanRunner.rollbackScript(plan, 'wiredesk-undo-1', true)).toEqual([
      '/system scheduler remove [find name=wiredesk-undo-1]',
      `/interface wireguard peers remove [find public-key=${quoteValue(KEY)}]`,
    ]);
  });

  it('targets a set by .id over the API and by public key in scripts, and its undo writes the old values back', () => {
    const plan = planPeerSet({ routerId: 'r', kind: 'peer.update', peer, params: { 'allowed-address': '10.8.0.9/32', comment: 'moved' }, label: 'Changing', warnings: [] });
    const step = plan.steps[0]!;
    expect(commandLine(step, plan.secretFields)).toBe('/interface wireguard peers set *1A allowed-address=10.8.0.9/32 comment=moved');
    expect(stepWords(step)).toEqual(['=.id=*1A', '=allowed-address=10.8.0.9/32', '=comment=moved']);
    expect(scriptLine(step.undo!)).toBe(`/interface wireguard peers set [find public-key=${quoteValue(KEY)}] allowed-address=10.8.0.2/32 comment="Ali \\"field\\" laptop"`);
    expect(plan.diff[0]).toEqual({ item: { type: 'peer', key: KEY, label: 'ali-phone' }, change: 'edit', before: { 'allowed-address': '10.8.0.2/32', comment: 'Ali "field" laptop' }, after: { 'allowed-address': '10.8.0.9/32', comment: 'moved' } });
  });

  it('undoes a remove by adding the peer back with every field it had, secrets included but never shown', () => {
    const plan = planPeerRemove({ routerId: 'r', peer, responderParam: 'responder', secretsBefore: { 'preshared-key': 'cHNrcHNrcHNrcHNrcHNrcHNrcHNrcHNrcHNrcHNrcHM=' } });
    expect(PlanRunner.commands(plan)).toEqual(['/interface wireguard peers remove *1A']);
    const undo = plan.steps[0]!.undo!;
    expect(scriptLine(undo)).toContain('preshared-key="cHNrcHNrcHNrcHNrcHNrcHNrcHNrcHNrcHNrcHNrcHM="');
    expect(scriptLine(undo, { hideSecrets: plan.secretFields })).toContain('preshared-key=<hidden>');
    expect(scriptLine(undo)).toContain('name=ali-phone');
    expect(scriptLine(undo)).toContain('persistent-keepalive=25s');
    expect(JSON.stringify(plan.diff)).not.toContain('cHNr');
  });
});

describe('verification compares meaning, not spelling', () => {
  it('accepts what RouterOS prints for what was sent', () => {
    expect(peerDifferences([['persistent-keepalive', '60s'], ['disabled', true], ['allowed-address', '10.0.0.2/32, 10.0.0.3/32']], { 'persistent-keepalive': '1m', disabled: 'true', 'allowed-address': '10.0.0.2/32,10.0.0.3/32' })).toEqual([]);
  });

  it('names the field that differs, and never a secret value', () => {
    expect(peerDifferences([['comment', 'a'], ['preshared-key', 'AAAA']], { comment: 'b', 'preshared-key': 'BBBB' })).toEqual([
      { field: 'comment', expected: 'a', actual: 'b' },
      { field: 'preshared-key', expected: '<hidden>', actual: '<hidden>' },
    ]);
    // A user without the sensitive policy is not shown keys: nothing to compare.
    expect(peerDifferences([['preshared-key', 'AAAA']], {})).toEqual([]);
  });
});

describe('the router clock', () => {
  it('reads both date styles and writes the rollback start in the same one', () => {
    const iso = parseRouterClock('2026-12-31', '23:59:30')!;
    expect(schedulerStart(iso, 60)).toEqual({ 'start-date': '2027-01-01', 'start-time': '00:00:30' });
    const legacy = parseRouterClock('feb/28/2024', '23:59:59')!;
    expect(schedulerStart(legacy, 1)).toEqual({ 'start-date': 'feb/29/2024', 'start-time': '00:00:00' });
    expect(parseRouterClock('28.02.2024', '1:2:3')).toBeNull();
  });
});
