import { Link } from '@tanstack/react-router';
import { Page } from '../ui/page.js';

export function NotFoundPage() {
  return (
    <Page title="Página no encontrada">
      <div className="card">
        <p>La dirección que abrió no existe o cambió.</p>
        <p>
          <Link to="/" className="button">
            Ir al inicio
          </Link>
        </p>
      </div>
    </Page>
  );
}
