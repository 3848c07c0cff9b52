// How statuses and online counts read, live and last-known: one helper for every screen, so the peer table,
// the summary, the interface rows and the Traffic tab cannot disagree. While the listing is the cached copy
// nothing is green, an online peer says when it was last seen, and counts say they are from that moment.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PeerStatusValue } from '../../../src/contract/index.ts';
import { isLastKnown, lastKnownNote, onlineCountShown, peerStatusShown, statusFilterLabel, statusTone, type Freshness } from '../../../renderer/lib/peer-status.ts';
import { ROUTER_PARTS } from '../../../src/contract/wireguard.ts';
import en from '../../../renderer/i18n/en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/tr.json' with { type: 'json' };

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const LIVE: Freshness = { source: 'live', seenAt: NOW - 2_000 };
const CACHE: Freshness = { source: 'cache', seenAt: NOW - 5 * 60_000 };
const STATUSES: PeerStatusValue[] = ['online', 'offline', 'never-connected', 'disabled'];

let tEn: TFunction;
let tTr: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: en }, tr: { translation: tr } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  tEn = instance.getFixedT('en');
  tTr = instance.getFixedT('tr');
});

describe('peer status shown', () => {
  it('live: the usual colours and words', () => {
    expect(peerStatusShown({ status: 'online', lastHandshakeMs: 30_000 }, LIVE, NOW, tEn)).toEqual({ status: 'online', tone: 'ok', label: 'Online', lastKnown: false });
    expect(peerStatusShown({ status: 'offline', lastHandshakeMs: 600_000 }, LIVE, NOW, tEn)).toMatchObject({ tone: 'danger', label: 'Offline' });
    expect(peerStatusShown({ status: 'never-connected', lastHandshakeMs: null }, LIVE, NOW, tEn)).toMatchObject({ tone: 'neutral', label: 'Never connected' });
    expect(peerStatusShown({ status: 'disabled', lastHandshakeMs: null }, LIVE, NOW, tEn)).toMatchObject({ tone: 'neutral', label: 'Disabled' });
  });

  it('last-known: never green (nor red), an online peer says when it was last seen', () => {
    for (const status of STATUSES) {
      const shown = peerStatusShown({ status, lastHandshakeMs: status === 'never-connected' ? null : 40_000 }, CACHE, NOW, tEn);
      expect(shown.tone).toBe('neutral');
      expect(shown.lastKnown).toBe(true);
      // The status filter and the sort still use main's (last-known) verdict.
      expect(shown.status).toBe(status);
      expect(statusTone(status, CACHE)).toBe('neutral');
    }
    expect(peerStatusShown({ status: 'online', lastHandshakeMs: 40_000 }, CACHE, NOW, tEn).label).toBe('Last seen online 5 min ago');
    expect(peerStatusShown({ status: 'online', lastHandshakeMs: 40_000 }, CACHE, NOW, tTr).label).toBe('En son 5 dk önce çevrim içiydi');
  });

  it('last-known offline: the handshake is aged by the time since the read', () => {
    // Read 5 min ago with a handshake 10 min old then: 15 min old now.
    expect(peerStatusShown({ status: 'offline', lastHandshakeMs: 10 * 60_000 }, CACHE, NOW, tEn).label).toBe('Offline, handshake 15 min ago');
    expect(peerStatusShown({ status: 'offline', lastHandshakeMs: 10 * 60_000 }, CACHE, NOW, tTr).label).toBe('Çevrim dışı, el sıkışma 15 dk önce');
    expect(peerStatusShown({ status: 'offline', lastHandshakeMs: null }, CACHE, NOW, tEn).label).toBe('Offline');
    expect(peerStatusShown({ status: 'disabled', lastHandshakeMs: 1000 }, CACHE, NOW, tEn).label).toBe('Disabled');
    expect(peerStatusShown({ status: 'never-connected', lastHandshakeMs: null }, CACHE, NOW, tTr).label).toBe('Hiç bağlanmadı');
  });

  it('the age keeps growing while the copy stays on screen', () => {
    const later = NOW + 2 * 3_600_000;
    expect(peerStatusShown({ status: 'online', lastHandshakeMs: 1 }, CACHE, later, tEn).label).toBe('Last seen online 2 h 5 min ago');
  });
});

describe('online counts', () => {
  it('live: plain counts, green only above zero', () => {
    expect(onlineCountShown(3, 10, LIVE, NOW, tEn, 'en-GB')).toEqual({ text: '3 of 10 peers online', tone: 'ok', lastKnown: false });
    expect(onlineCountShown(0, 10, LIVE, NOW, tEn, 'en-GB').tone).toBe('neutral');
    expect(onlineCountShown(1, 1, LIVE, NOW, tEn, 'en-GB').text).toBe('1 of 1 peer online');
    expect(onlineCountShown(1234, null, LIVE, NOW, tEn, 'en-GB').text).toBe('1,234 online');
    expect(onlineCountShown(3, 10, LIVE, NOW, tTr, 'tr-TR').text).toBe("10 peer'dan 3 tanesi çevrim içi");
    expect(lastKnownNote(LIVE, NOW, tEn)).toBeNull();
  });

  it('last-known: the count says it is from the last read, and is never green', () => {
    expect(onlineCountShown(3, 10, CACHE, NOW, tEn, 'en-GB')).toEqual({ text: '3 of 10 peers online when last seen, 5 min ago', tone: 'neutral', lastKnown: true });
    expect(onlineCountShown(3, null, CACHE, NOW, tEn, 'en-GB').text).toBe('3 online when last seen, 5 min ago');
    expect(onlineCountShown(3, 10, CACHE, NOW, tTr, 'tr-TR').text).toBe("10 peer'dan 3 tanesi çevrim içi (son görüldüğünde, 5 dk önce)");
    expect(lastKnownNote(CACHE, NOW, tEn)).toBe('when last seen, 5 min ago');
    expect(isLastKnown(CACHE)).toBe(true);
  });

  it('the status filter names last-known statuses as such', () => {
    expect(statusFilterLabel('online', LIVE, tEn)).toBe('Online');
    expect(statusFilterLabel('online', CACHE, tEn)).toBe('Online when last seen');
    expect(statusFilterLabel('offline', CACHE, tTr)).toBe('Çevrim dışı (son görüldüğünde)');
  });
});

describe('unknown parts', () => {
  it('every part has a sentence for both codes in both languages, with the command and the router\'s words', () => {
    for (const t of [tEn, tTr]) {
      for (const code of ['REFUSED', 'FAILED'] as const) {
        for (const part of ROUTER_PARTS) {
          const key = `unknownParts.${code}.${part}`;
          const text = t(key, { command: '/interface/print', message: 'not enough permissions (9)' });
          expect(text, key).not.toBe(key);
          expect(text).toContain('/interface/print');
          expect(text).toContain('not enough permissions (9)');
        }
      }
    }
    expect(tEn('unknownParts.REFUSED.dynamic', { command: '/interface/print', message: 'not enough permissions (9)' })).toBe(
      'The router refused to show its interface list (/interface/print: not enough permissions (9)), so WireDesk cannot tell which interfaces the router made itself (Back To Home).',
    );
  });
});
