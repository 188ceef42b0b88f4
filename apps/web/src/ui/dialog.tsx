import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Blocks Escape and the close button while a request is in flight. */
  readonly busy?: boolean;
  /**
   * Asked when the dialog goes away: `heading` after an action that replaces the opener (the
   * "Suscribirse" button becomes "Ver mi suscripción"), `opener` otherwise.
   */
  readonly returnFocus?: () => 'opener' | 'heading';
}

/**
 * A native modal <dialog>: the browser traps focus inside, Escape closes it, and focus returns to
 * the button that opened it. Mounted only while open, so each opening starts fresh (one
 * Idempotency-Key per opening in the money dialogs).
 */
export function Dialog({ title, onClose, children, busy = false, returnFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);
  // Read from the native listener below without re-running the effect (which would close and
  // reopen the dialog on every render of the parent).
  const latest = useRef({ busy, onClose, returnFocus });
  useEffect(() => {
    latest.current = { busy, onClose, returnFocus };
  }, [busy, onClose, returnFocus]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    opener.current = document.activeElement;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus runs before showModal() and the dialog then moves focus to its first
    // button (×): name the field to start at with data-autofocus instead.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (!latest.current.busy) latest.current.onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      // React removed the dialog: hand focus back to the control that opened it, or — when the
      // action replaced that control (Suscribirse → Ver mi suscripción) — to the screen's title.
      const target = latest.current.returnFocus?.() ?? 'opener';
      if (
        target === 'opener' &&
        opener.current instanceof HTMLElement &&
        opener.current.isConnected
      ) {
        opener.current.focus();
      } else {
        document.querySelector<HTMLElement>('main h1')?.focus();
      }
    };
  }, []);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          disabled={busy}
          aria-label="Cerrar"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
