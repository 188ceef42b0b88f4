import type { BtgClient } from '@btg-funds/client';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Navigate,
  redirect,
} from '@tanstack/react-router';
import { AdminFundsPage } from './pages/admin/admin-funds-page.js';
import { ClientPage } from './pages/admin/client-page.js';
import { ClientsPage } from './pages/admin/clients-page.js';
import { FundsPage } from './pages/funds/funds-page.js';
import { HistoryPage, validateHistorySearch } from './pages/history/history-page.js';
import { TransactionPage } from './pages/history/transaction-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { NotificationsPage } from './pages/notifications-page.js';
import { ProfilePage } from './pages/profile-page.js';
import { RegisterPage } from './pages/register-page.js';
import { SubscriptionsPage } from './pages/subscriptions/subscriptions-page.js';
import { RequireRole } from './session/require-role.js';
import { useSession } from './session/session-context.js';
import { SignedInLayout } from './session/signed-in-layout.js';
import { AppShell } from './ui/app-shell.js';

/** Public screens send a signed-in person home instead of asking them to sign in again. */
function SignedOutOnly({ children }: { readonly children: React.ReactNode }) {
  const { signedIn } = useSession();
  return signedIn ? <Navigate to="/" replace /> : children;
}

const client = (Page: () => React.ReactNode) => () => (
  <RequireRole allowed="client">
    <Page />
  </RequireRole>
);
const admin = (Page: () => React.ReactNode) => () => (
  <RequireRole allowed="admin">
    <Page />
  </RequireRole>
);

interface RouterContext {
  readonly btg: BtgClient;
}

const root = createRootRouteWithContext<RouterContext>()({
  component: AppShell,
  notFoundComponent: NotFoundPage,
});
const login = createRoute({
  getParentRoute: () => root,
  path: '/ingresar',
  validateSearch: (search: Record<string, unknown>): { next?: string | undefined } => ({
    next: typeof search.next === 'string' ? search.next : undefined,
  }),
  component: () => (
    <SignedOutOnly>
      <LoginPage />
    </SignedOutOnly>
  ),
});
const register = createRoute({
  getParentRoute: () => root,
  path: '/crear-cuenta',
  component: () => (
    <SignedOutOnly>
      <RegisterPage />
    </SignedOutOnly>
  ),
});
/** Signed-out visitors of a private screen sign in first, then land where they were going. */
const auth = createRoute({
  getParentRoute: () => root,
  id: 'auth',
  beforeLoad: ({ context, location }) => {
    if (!context.btg.signedIn) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router's redirect
      throw redirect({
        to: '/ingresar',
        search: { next: location.href === '/' ? undefined : location.href },
        replace: true,
      });
    }
  },
  component: SignedInLayout,
});
const at = <const TPath extends string>(path: TPath, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => auth, path, component });
const history = createRoute({
  getParentRoute: () => auth,
  path: '/historial',
  validateSearch: validateHistorySearch,
  component: client(HistoryPage),
});

/** Code-based routes (no generator): Spanish paths, the history's filters in the query string. */
const routeTree = root.addChildren([
  login,
  register,
  auth.addChildren([
    at('/', HomePage),
    at('/fondos', client(FundsPage)),
    at('/suscripciones', client(SubscriptionsPage)),
    history,
    at('/historial/$id', client(TransactionPage)),
    at('/notificaciones', client(NotificationsPage)),
    at('/perfil', ProfilePage),
    at('/admin/clientes', admin(ClientsPage)),
    at('/admin/clientes/$id', admin(ClientPage)),
    at('/admin/fondos', admin(AdminFundsPage)),
  ]),
]);

/** Plain query strings (`?estado=failed&fondo=4`): every search value of this app is text. */
function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function createAppRouter(btg: BtgClient) {
  return createRouter({
    routeTree,
    context: { btg },
    parseSearch,
    stringifySearch,
    scrollRestoration: true,
    defaultPreload: false,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
