// The parts of a router that the router would not show (a user group without the read policy, a menu this
// RouterOS lacks, a print that timed out), named in the technician's words with the router's own answer and
// the command that got it. Everything else in the listing is current and stays on screen below. The title
// alone names every part; the sentences saying what each one costs fold away (per router, for the session),
// and start folded in a short window, where they would push the table off the screen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnknownPart } from '../../src/contract/index.ts';
import { Banner } from './Banner.tsx';
import { Button } from './Button.tsx';

/** Routers whose sentences the technician folded (or unfolded, in a short window) this session. */
const toggled = new Set<string>();
const SHORT_WINDOW_PX = 700;

export function UnknownPartsBanner({ routerId, unknown }: { routerId: string; unknown: readonly UnknownPart[] }) {
  const { t } = useTranslation();
  const foldedAtFirst = typeof window !== 'undefined' && window.innerHeight < SHORT_WINDOW_PX;
  const [open, setOpen] = useState(() => foldedAtFirst === toggled.has(routerId));
  if (unknown.length === 0) return null;
  const toggle = () => {
    setOpen(!open);
    if (toggled.has(routerId)) toggled.delete(routerId);
    else toggled.add(routerId);
  };
  const parts = unknown.map((u) => t(`unknownParts.name.${u.part}`)).join(', ');
  return (
    <Banner
      tone="warn"
      compact
      title={t('unknownParts.title', { parts })}
      actions={
        <Button size="sm" variant="ghost" onClick={toggle} aria-expanded={open} data-testid="unknown-parts-toggle">
          {open ? t('unknownParts.hide') : t('unknownParts.why')}
        </Button>
      }
      data-testid="unknown-parts"
    >
      {open ? (
        <>
          <ul className="unknown-parts">
            {unknown.map((u) => (
              <li key={u.part} data-testid={`unknown-part-${u.part}`} data-code={u.code}>
                {t(`unknownParts.${u.code}.${u.part}`, { command: u.command, message: u.message })}
              </li>
            ))}
          </ul>
          <p className="unknown-parts-rest">{t('unknownParts.rest')}</p>
        </>
      ) : null}
    </Banner>
  );
}
