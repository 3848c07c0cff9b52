// Text round trips against the simulator's stored bytes: legacy cp1251 (WinBox on Windows) and UTF-8
// (Turkish letters, emoji) must both survive read + unchanged write-back byte for byte.
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../../main/routeros/connect.ts';
import type { RouterOsClient } from '../../../main/routeros/client.ts';
import { rawText, valueForWrite } from '../../../main/routeros/rows.ts';
import { optionsFor, simulator, type Sim } from './support/sim.ts';

let sim: Sim | undefined;
let client: RouterOsClient | undefined;

afterEach(async () => {
  client?.close();
  await sim?.close();
  client = undefined;
  sim = undefined;
});

const WG = '/interface/wireguard';
const cyrillic = 'Офис Москва';
const cp1251 = iconv.encode(cyrillic, 'windows-1251');
const turkish = 'Şube ğüşıöç İstanbul 🚀';

function stored(s: Sim, name: string): Buffer | undefined {
  return s.state.table(WG).findBy('name', name)?.raw('comment');
}

describe('text encoding', () => {
  it('shows a cp1251 comment as Cyrillic and writes it back unchanged byte for byte', async () => {
    sim = await simulator();
    sim.state.add(WG, { name: 'wg-moscow', comment: cp1251 });
    client = await connect(optionsFor(sim));
    const [row] = await client.print(WG, { query: ['name=wg-moscow'] });
    expect(row?.['comment']).toBe(cyrillic);
    expect(rawText(row!, 'comment')).toBeDefined();
    await client.set(WG, row!['.id']!, { comment: valueForWrite(row!, 'comment', cyrillic), mtu: 1400 });
    expect(stored(sim, 'wg-moscow')?.equals(cp1251)).toBe(true);
  });

  it('reads and writes back a UTF-8 comment with Turkish letters and emoji unchanged', async () => {
    sim = await simulator();
    const utf8 = Buffer.from(turkish, 'utf8');
    sim.state.add(WG, { name: 'wg-istanbul', comment: utf8 });
    client = await connect(optionsFor(sim));
    const [row] = await client.print(WG, { query: ['name=wg-istanbul'] });
    expect(row?.['comment']).toBe(turkish);
    expect(rawText(row!, 'comment')).toBeUndefined();
    await client.set(WG, row!['.id']!, { comment: valueForWrite(row!, 'comment') });
    expect(stored(sim, 'wg-istanbul')?.equals(utf8)).toBe(true);
  });

  it('writes an edited legacy comment as UTF-8', async () => {
    sim = await simulator();
    sim.state.add(WG, { name: 'wg-kiev', comment: cp1251 });
    client = await connect(optionsFor(sim));
    const [row] = await client.print(WG, { query: ['name=wg-kiev'] });
    await client.set(WG, row!['.id']!, { comment: valueForWrite(row!, 'comment', `${cyrillic} 2`) });
    expect(stored(sim, 'wg-kiev')?.toString('utf8')).toBe(`${cyrillic} 2`);
  });

  it('decodes legacy text with the code page configured for the router', async () => {
    sim = await simulator();
    const polish = iconv.encode('Biuro Łódź', 'windows-1250');
    sim.state.add(WG, { name: 'wg-lodz', comment: polish });
    client = await connect(optionsFor(sim, { legacyCodePage: 'windows-1250' }));
    const [row] = await client.print(WG, { query: ['name=wg-lodz'], proplist: ['comment'] });
    expect(row).toEqual({ comment: 'Biuro Łódź' });
  });
});
