import { Navigate, Outlet } from '@tanstack/react-router';
import { useCallback, useEffect, useState } from 'react';
import { Dialog } from '../ui/dialog.js';
import { useSession } from './session-context.js';
import { useIdleTimeout } from './use-idle-timeout.js';
import { SHARED_TEXT } from '../lib/labels.js';

const IDLE_NOTICE =
  'Cerramos su sesión después de 10 minutos sin actividad, para proteger su cuenta.';

function IdleWarning({
  secondsLeft,
  onStay,
  onLeave,
}: {
  readonly secondsLeft: () => number;
  readonly onStay: () => void;
  readonly onLeave: () => void;
}) {
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeft()), 1000);
    return () => clearInterval(timer);
  }, [secondsLeft]);
  return (
    <Dialog title="¿Sigue ahí?" onClose={onStay}>
      <p>
        Por seguridad cerraremos su sesión en <strong>{left} segundos</strong> si no hay actividad.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onLeave}>
          Cerrar sesión
        </button>
        <button type="button" className="button" onClick={onStay} data-autofocus>
          Seguir conectado
        </button>
      </div>
    </Dialog>
  );
}

/** Screens behind the sign-in (the route's beforeLoad guards entry): leave when the session ends, sign out after 10 idle minutes. */
export function SignedInLayout() {
  const { signedIn, signOut } = useSession();
  const onTimeout = useCallback(() => void signOut(IDLE_NOTICE), [signOut]);
  const idle = useIdleTimeout(onTimeout);
  // The session ended here (logout, idle, refused refresh): to the sign-in screen, which says why.
  if (!signedIn) return <Navigate to="/ingresar" replace />;
  return (
    <>
      <Outlet />
      {idle.warning && (
        <IdleWarning
          secondsLeft={idle.secondsLeft}
          onStay={idle.stayConnected}
          onLeave={() => void signOut(SHARED_TEXT.signedOut)}
        />
      )}
    </>
  );
}
