import { Outlet } from '@tanstack/react-router';
import { AnnouncerProvider } from './announcer.js';
import { SiteHeader } from './site-header.js';
import { ServiceBanner } from './service-banner.js';

/** Landmarks every screen shares: skip link, banner (header), main, contentinfo (footer). */
export function AppShell() {
  return (
    <AnnouncerProvider>
      <a className="skip-link" href="#contenido">
        Saltar al contenido
      </a>
      <SiteHeader />
      <ServiceBanner />
      <main id="contenido" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <p>
            BTG Pactual · Fondos de inversión. Sus operaciones se registran con un identificador
            único.
          </p>
          <p>
            <a href="/api/v1/docs">API para desarrolladores</a>
          </p>
        </div>
      </footer>
    </AnnouncerProvider>
  );
}
