// A "⋯" button that opens a small menu of actions for one row. The menu is a native popover: it sits in
// the top layer (never clipped by a scrolling table) and closes on Escape or a click outside by itself.
// Disabled items stay visible with the reason, so a technician sees why an action is not possible. Items
// are only rendered while the menu is open: a 10,000-row table keeps one empty element per visible row.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ChevronDown, Ellipsis } from 'lucide-react';

export interface MenuItem {
  id: string;
  label: string;
  icon?: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
  testId?: string;
}

export interface MenuButtonProps {
  label: string;
  /** The items, or a function building them when the menu opens (a table row then renders no labels). */
  items: readonly MenuItem[] | (() => readonly MenuItem[]);
  /** A sentence shown above the items (why they are disabled, what is special about this row). */
  note?: ReactNode | (() => ReactNode);
  /** A labelled button ("Export CSV ▾") instead of the "⋯" icon. */
  triggerLabel?: ReactNode;
  triggerIcon?: ReactNode;
  disabled?: boolean;
  'data-testid'?: string;
}

const MENU_WIDTH = 240;

export function MenuButton({ label, items, note, triggerLabel, triggerIcon, disabled, 'data-testid': testId }: MenuButtonProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const menuId = useId();

  useEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const onToggle = (event: Event) => setOpen((event as ToggleEvent).newState === 'open');
    menu.addEventListener('toggle', onToggle);
    return () => menu.removeEventListener('toggle', onToggle);
  }, []);

  // A table row scrolled away would leave the menu floating over another row: close it.
  useEffect(() => {
    if (!open) return;
    const close = () => {
      if (menuRef.current?.matches(':popover-open')) menuRef.current.hidePopover();
    };
    window.addEventListener('scroll', close, true);
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('scroll', close, true);
      window.removeEventListener('resize', close);
    };
  }, [open]);

  // A press on this button while the menu is open closes it by light dismiss before the click arrives;
  // the click must then not open it again.
  const openAtPress = useRef(false);

  const show = () => {
    const menu = menuRef.current;
    if (!menu) return;
    if (openAtPress.current) {
      openAtPress.current = false;
      return;
    }
    if (menu.matches(':popover-open')) {
      menu.hidePopover();
      return;
    }
    // React renders the items before the browser paints (a click is a discrete event); the layout effect
    // below then places the menu, so it never shows empty or in the wrong place.
    setOpen(true);
    menu.showPopover();
  };

  useLayoutEffect(() => {
    const button = buttonRef.current;
    const menu = menuRef.current;
    if (!open || !button || !menu) return;
    const anchor = button.getBoundingClientRect();
    const height = menu.offsetHeight;
    const below = anchor.bottom + 4 + height <= window.innerHeight - 8;
    menu.style.top = `${Math.max(8, below ? anchor.bottom + 4 : anchor.top - 4 - height)}px`;
    menu.style.left = `${Math.max(8, Math.min(anchor.right - MENU_WIDTH, window.innerWidth - MENU_WIDTH - 8))}px`;
    menu.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
  }, [open]);

  const pick = (item: MenuItem) => {
    if (menuRef.current?.matches(':popover-open')) menuRef.current.hidePopover();
    buttonRef.current?.focus();
    item.onSelect();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const buttons = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])];
    if (buttons.length === 0) return;
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next = 0;
    if (event.key === 'ArrowDown') next = (index + 1) % buttons.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === 'End') next = buttons.length - 1;
    buttons[next]?.focus();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={triggerLabel ? `btn btn-secondary btn-sm${open ? ' open' : ''}` : `icon-btn menu-btn${open ? ' open' : ''}`}
        aria-label={triggerLabel ? undefined : label}
        title={label}
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onPointerDown={() => {
          openAtPress.current = menuRef.current?.matches(':popover-open') ?? false;
        }}
        onClick={show}
        data-testid={testId}
      >
        {triggerLabel ? (
          <>
            {triggerIcon}
            {triggerLabel}
            <ChevronDown size={13} aria-hidden />
          </>
        ) : (
          <Ellipsis size={16} aria-hidden />
        )}
      </button>
      <div ref={menuRef} id={menuId} popover="auto" className="menu" role="menu" aria-label={label} onKeyDown={onMenuKey} style={{ width: MENU_WIDTH }}>
        {open ? <MenuContent items={items} note={note} onPick={pick} /> : null}
      </div>
    </>
  );
}

function MenuContent({ items, note, onPick }: { items: MenuButtonProps['items']; note: MenuButtonProps['note']; onPick: (item: MenuItem) => void }) {
  const list = typeof items === 'function' ? items() : items;
  const text = typeof note === 'function' ? note() : note;
  return (
    <>
      {text ? <div className="menu-note">{text}</div> : null}
      {list.map((item) => (
          <button
            key={item.id}
            type="button"
            role="menuitem"
            className={`menu-item${item.danger ? ' danger' : ''}`}
            disabled={item.disabled}
            onClick={() => onPick(item)}
            data-testid={item.testId}
          >
            {item.icon}
            <span>{item.label}</span>
          </button>
        ))}
    </>
  );
}
