import { useRouterState } from '@tanstack/react-router';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

interface Announcement {
  readonly id: number;
  readonly text: string;
}

const AnnouncerContext = createContext<(text: string) => void>(() => undefined);

/** Confirmations ("Suscripción realizada…") shown on screen and read by screen readers. */
export function AnnouncerProvider({ children }: { readonly children: ReactNode }) {
  const [current, setCurrent] = useState<Announcement | null>(null);
  const announce = useCallback((text: string) => {
    setCurrent((previous) => ({ id: (previous?.id ?? 0) + 1, text }));
  }, []);
  const value = useMemo(() => announce, [announce]);
  const dismiss = useCallback(() => setCurrent(null), []);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {current !== null && <Toast key={current.id} text={current.text} onDismiss={dismiss} />}
      </div>
    </AnnouncerContext.Provider>
  );
}

const TOAST_MS = 10_000;

/** One confirmation: gone after 10 s or when the person moves to another screen. */
function Toast({ text, onDismiss }: { readonly text: string; readonly onDismiss: () => void }) {
  const path = useRouterState({ select: (state) => state.location.pathname });
  const [shownOn] = useState(path);
  useEffect(() => {
    const timer = setTimeout(onDismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [onDismiss]);
  useEffect(() => {
    if (path !== shownOn) onDismiss();
  }, [path, shownOn, onDismiss]);
  return (
    <div className="toast">
      <p>{text}</p>
      <button
        type="button"
        className="icon-button icon-button-light"
        aria-label="Cerrar mensaje"
        onClick={onDismiss}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

export const useAnnounce = () => useContext(AnnouncerContext);
