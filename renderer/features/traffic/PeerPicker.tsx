// The scope picker: the whole interface, or one peer found by name, comment, address or key. A combobox
// (WAI-ARIA pattern: the list opens under a search box, arrow keys move, Enter picks, Escape closes) that
// renders at most PICKER_LIMIT matches, so a router with thousands of peers stays quick.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { ChevronDown, Search, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { WgPeer } from '../../../src/contract/index.ts';
import { useNow } from '../../lib/hooks.ts';
import { peerStatusShown, statusTone, type Freshness } from '../../lib/peer-status.ts';
import { StatusDot } from '../../ui/StatusPill.tsx';
import { displayName, searchPeers } from './peer-model.ts';
import type { TrafficScope } from './store.ts';

const PICKER_LIMIT = 100;
const CLOSED = { matches: [] as WgPeer[], total: 0 };

export interface PeerPickerProps {
  iface: string | null;
  peers: readonly WgPeer[];
  /** Live, or the last-known copy: statuses are then neutral and read "when last seen". */
  freshness: Freshness;
  /** Shown for a selected peer the router no longer lists (e.g. from top talkers). */
  selectedLabel: string | null;
  publicKey: string | null;
  onChange: (scope: TrafficScope) => void;
  disabled?: boolean;
}

type Option = { kind: 'all' } | { kind: 'peer'; peer: WgPeer };

export function PeerPicker({ iface, peers, freshness, selectedLabel, publicKey, onChange, disabled = false }: PeerPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  // Ages in the options' titles ("last seen online 5 min ago") only matter while the list is open.
  const now = useNow(open ? 1000 : 60_000);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // Searched only while the list is open: the peers refresh on every poll and monitor event.
  const { matches, total } = useMemo(() => (open ? searchPeers(peers, query, PICKER_LIMIT) : CLOSED), [open, peers, query]);
  const options: Option[] = useMemo(() => [...(query.trim() ? [] : [{ kind: 'all' as const }]), ...matches.map((peer) => ({ kind: 'peer' as const, peer }))], [matches, query]);

  // Close on a click anywhere else.
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const pick = (option: Option) => {
    if (option.kind === 'all') onChange({ interface: iface, publicKey: null });
    else onChange({ interface: option.peer.interface, publicKey: option.peer.publicKey });
    setOpen(false);
    setQuery('');
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(options.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(options.length - 1);
    else if (event.key === 'Enter') {
      const option = options[active];
      if (option) pick(option);
    } else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
  };

  const current = publicKey ? peers.find((p) => p.publicKey === publicKey && p.interface === iface) : undefined;
  const label = publicKey ? (current ? displayName(current) : (selectedLabel ?? '…')) : t('trafficView.scopeWhole');

  return (
    <div className="peer-picker" ref={root}>
      <button
        type="button"
        className="select peer-picker-trigger"
        aria-haspopup="listbox"
        aria-expanded={open}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
        disabled={disabled}
        data-testid="scope-peer-trigger"
        data-scope={publicKey ? 'peer' : 'interface'}
      >
        {publicKey ? <StatusDot tone={current ? statusTone(current.status, freshness) : 'neutral'} /> : <Users size={14} aria-hidden />}
        <span className="ellipsis">{label}</span>
        <ChevronDown size={14} aria-hidden className="faint" />
      </button>
      {open ? (
        <div className="peer-picker-pop" role="dialog" aria-label={t('trafficView.scopePeerLabel')}>
          <div className="peer-picker-search">
            <Search size={14} aria-hidden className="faint" />
            <input
              ref={input}
              className="input"
              role="combobox"
              aria-expanded
              aria-controls={`${id}-list`}
              aria-activedescendant={options[active] ? `${id}-opt-${active}` : undefined}
              aria-autocomplete="list"
              placeholder={t('trafficView.scopeSearch')}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
              }}
              onKeyDown={onKey}
              data-testid="scope-peer-search"
            />
          </div>
          <ul className="peer-picker-list" role="listbox" id={`${id}-list`} ref={list} aria-label={t('trafficView.scopePeerLabel')}>
            {options.map((option, index) => {
              const selected = option.kind === 'all' ? publicKey === null : option.peer.publicKey === publicKey && option.peer.interface === iface;
              const common = {
                id: `${id}-opt-${index}`,
                role: 'option' as const,
                'aria-selected': selected,
                'data-index': index,
                className: `peer-option${index === active ? ' active' : ''}${selected ? ' selected' : ''}`,
                onMouseDown: (event: ReactMouseEvent) => event.preventDefault(),
                onMouseEnter: () => setActive(index),
                onClick: () => pick(option),
              };
              if (option.kind === 'all') {
                return (
                  <li key="all" {...common} data-testid="scope-option-all">
                    <Users size={14} aria-hidden className="faint" />
                    <span className="peer-option-name">{t('trafficView.scopeWhole')}</span>
                    <span className="peer-option-meta">{t('trafficView.scopeWholeHint', { iface: iface ?? '' })}</span>
                  </li>
                );
              }
              const { peer } = option;
              const shown = peerStatusShown(peer, freshness, now, t);
              return (
                <li
                  key={`${peer.interface}|${peer.publicKey}`}
                  {...common}
                  data-testid="scope-option-peer"
                  data-status={peer.status}
                  data-tone={shown.tone}
                  data-last-known={shown.lastKnown}
                  data-name={displayName(peer)}
                >
                  <StatusDot tone={shown.tone} />
                  <span className="peer-option-name ellipsis" title={shown.label}>
                    {displayName(peer)}
                  </span>
                  <span className="peer-option-meta ellipsis">
                    {peer.allowedAddress[0] ?? ''} · {peer.interface}
                  </span>
                </li>
              );
            })}
            {options.length === 0 ? <li className="peer-option-empty">{t('trafficView.scopeNoMatch')}</li> : null}
            {total > matches.length ? <li className="peer-option-empty">{t('trafficView.scopeMore', { count: total - matches.length })}</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
