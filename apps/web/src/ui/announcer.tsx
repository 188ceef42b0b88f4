import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

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
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {current !== null && (
          <div className="toast" key={current.id}>
            <p>{current.text}</p>
            <button
              type="button"
              className="icon-button icon-button-light"
              aria-label="Cerrar mensaje"
              onClick={() => setCurrent(null)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        )}
      </div>
    </AnnouncerContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnouncerContext);
