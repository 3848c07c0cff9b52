// Modal dialog on the native <dialog> element: top layer, inert background and Escape for free; we add a
// Tab focus trap, initial focus and focus return to the element that opened it.
import { useEffect, useId, useRef, type ReactNode, type Ref } from 'react';
import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

export interface DialogProps {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  onClose: () => void;
  /** Block Escape and the close button while something is being saved. */
  busy?: boolean;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  'data-testid'?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, description, children, footer, onClose, busy = false, size = 'md', 'data-testid': testId }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  const busyRef = useRef(busy);
  useEffect(() => {
    onCloseRef.current = onClose;
    busyRef.current = busy;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Focus the first field (or the first button) rather than the close button in the corner.
    const body = dialog.querySelector<HTMLElement>('.dialog-body');
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? body?.querySelector<HTMLElement>(FOCUSABLE) ?? dialog.querySelector<HTMLElement>('.dialog-footer button');
    first?.focus();

    const onCancel = (event: Event) => {
      event.preventDefault();
      if (!busyRef.current) onCloseRef.current();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
      if (items.length === 0) return;
      const firstItem = items[0]!;
      const lastItem = items[items.length - 1]!;
      if (event.shiftKey && document.activeElement === firstItem) {
        event.preventDefault();
        lastItem.focus();
      } else if (!event.shiftKey && document.activeElement === lastItem) {
        event.preventDefault();
        firstItem.focus();
      }
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKeyDown);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKeyDown);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
    >
      <div className="dialog-header">
        <div className="dialog-heading">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="dialog-description">
              {description}
            </p>
          ) : null}
        </div>
        <button type="button" className="icon-btn" onClick={onClose} disabled={busy} aria-label={t('common.close')} title={t('common.close')} data-testid="dialog-close">
          <X size={16} aria-hidden />
        </button>
      </div>
      <div className="dialog-body">{children}</div>
      {footer ? <div className="dialog-footer">{footer}</div> : null}
    </dialog>
  );
}

export interface FormDialogProps extends Omit<DialogProps, 'footer'> {
  /** id of the <form>, so the footer's submit button (outside it) submits it. */
  formId: string;
  formRef?: Ref<HTMLFormElement>;
  onSubmit: () => void;
  submitLabel: ReactNode;
  /** A save running: spinner on the submit button, Cancel, Escape and the close button blocked. */
  saving: boolean;
  /** Submit blocked for another reason (e.g. a connection test running). */
  submitDisabled?: boolean;
  /** Footer content before the spacer, e.g. a Remove button. */
  footerStart?: ReactNode;
  cancelTestId: string;
  submitTestId: string;
}

/**
 * A dialog around one form: Cancel and the primary submit button in the footer, Enter in a field submits,
 * the browser's own validation bubbles off (the form shows our messages instead).
 */
export function FormDialog({ formId, formRef, onSubmit, submitLabel, saving, submitDisabled = false, footerStart, cancelTestId, submitTestId, children, onClose, ...dialog }: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      {...dialog}
      onClose={onClose}
      busy={saving}
      footer={
        <>
          {footerStart}
          <span className="spacer" />
          <Button onClick={onClose} disabled={saving} data-testid={cancelTestId}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" form={formId} busy={saving} disabled={submitDisabled} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        ref={formRef}
        className="router-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
