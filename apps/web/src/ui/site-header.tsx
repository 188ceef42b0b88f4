import { Link, useRouterState } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useProfile } from '../api/queries.js';
import { useSession } from '../session/session-context.js';
import { Money } from './money.js';
import { SHARED_TEXT } from '../lib/labels.js';

const CLIENT_NAV = [
  { to: '/', label: 'Inicio' },
  { to: '/fondos', label: 'Fondos' },
  { to: '/suscripciones', label: 'Mis suscripciones' },
  { to: '/historial', label: 'Historial' },
  { to: '/notificaciones', label: 'Notificaciones' },
  { to: '/perfil', label: 'Mi perfil' },
] as const;

const ADMIN_NAV = [
  { to: '/admin/clientes', label: 'Clientes' },
  { to: '/admin/fondos', label: 'Fondos' },
  { to: '/perfil', label: 'Mi perfil' },
] as const;

/** Brand, navigation by role, the client's balance (always in sight) and the way out. */
export function SiteHeader() {
  const { signedIn, signOut } = useSession();
  const profile = useProfile();
  const menuId = useId();
  const path = useRouterState({ select: (state) => state.location.pathname });
  // The menu belongs to the screen it was opened on: moving to another screen closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === path;

  const nav = profile === null ? [] : profile.role === 'admin' ? ADMIN_NAV : CLIENT_NAV;
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            BTG
          </span>
          <span className="brand-name">
            BTG Pactual <span className="brand-sub">Fondos</span>
          </span>
        </Link>
        {signedIn && profile?.role === 'client' && (
          <p className="balance-pill">
            <span className="balance-label">Saldo disponible</span>
            <Money value={profile.balance} className="balance-value" />
          </p>
        )}
        {signedIn && (
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setOpenOn(menuOpen ? null : path)}
          >
            Menú
          </button>
        )}
      </div>
      {signedIn && (
        <nav
          id={menuId}
          className={`site-nav${menuOpen ? ' site-nav-open' : ''}`}
          aria-label="Principal"
        >
          <div className="container nav-inner">
            <ul className="nav-list">
              {nav.map((item) => (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    className="nav-link"
                    activeOptions={{ exact: item.to === '/' }}
                    activeProps={{ className: 'nav-link nav-link-active', 'aria-current': 'page' }}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
            <div className="nav-user">
              {profile !== null && <span className="nav-user-name">{profile.fullName}</span>}
              <button
                type="button"
                className="button button-small button-ghost-light"
                onClick={() => void signOut(SHARED_TEXT.signedOut)}
              >
                Cerrar sesión
              </button>
            </div>
          </div>
        </nav>
      )}
    </header>
  );
}
