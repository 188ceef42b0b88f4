import { useCallback, useEffect, useRef, useState } from 'react';

export const IDLE_WARNING_MS = 9 * 60_000;
export const IDLE_SIGN_OUT_MS = 10 * 60_000;
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Inactivity: a warning after 9 minutes without input, sign-out at 10. Input while the warning
 * is shown does not count — only "Seguir conectado" does — so the person sees why it stays.
 */
export function useIdleTimeout(onTimeout: () => void) {
  const [warning, setWarning] = useState(false);
  const lastActivity = useRef(0);
  const warningRef = useRef(false);
  const timeoutRef = useRef(onTimeout);
  useEffect(() => {
    timeoutRef.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    lastActivity.current = Date.now();
    const touch = () => {
      if (!warningRef.current) lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true });
    const timer = setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= IDLE_SIGN_OUT_MS) {
        clearInterval(timer);
        timeoutRef.current();
      } else if (idle >= IDLE_WARNING_MS && !warningRef.current) {
        warningRef.current = true;
        setWarning(true);
      }
    }, 1000);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, touch);
    };
  }, []);

  const stayConnected = useCallback(() => {
    lastActivity.current = Date.now();
    warningRef.current = false;
    setWarning(false);
  }, []);

  const secondsLeft = useCallback(
    () => Math.max(0, Math.ceil((IDLE_SIGN_OUT_MS - (Date.now() - lastActivity.current)) / 1000)),
    [],
  );
  return { warning, stayConnected, secondsLeft };
}
