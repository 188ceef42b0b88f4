import type { BtgClient, LoginRequest } from '@btg-funds/client';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';

interface SessionApi {
  readonly btg: BtgClient;
  readonly signedIn: boolean;
  /** Why the last session ended, for the sign-in screen ("Cerró su sesión."…). */
  readonly notice: string | null;
  readonly clearNotice: () => void;
  readonly signIn: (credentials: LoginRequest) => Promise<void>;
  readonly signOut: (notice: string) => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

/**
 * The signed-in state comes from the client's token store (sessionStorage): a reload keeps the
 * session, and a refused refresh (expired, revoked, or reused refresh token) ends it with the
 * server's reason. Cached data of the previous person never outlives their session.
 */
export function SessionProvider({
  btg,
  children,
}: {
  readonly btg: BtgClient;
  readonly children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const signedIn = useSyncExternalStore(
    (listener) => btg.onTokensChanged(listener),
    () => btg.signedIn,
  );
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(
    () =>
      btg.onSessionEnded((end) => {
        queryClient.clear();
        if (end.reason === 'refresh-rejected') {
          setNotice(`Su sesión terminó: ${end.error.detail} Ingrese de nuevo.`);
        }
      }),
    [btg, queryClient],
  );

  const signIn = useCallback(
    async (credentials: LoginRequest) => {
      queryClient.clear();
      await btg.login(credentials);
      setNotice(null);
    },
    [btg, queryClient],
  );

  const signOut = useCallback(
    async (message: string) => {
      await btg.logout();
      queryClient.clear();
      setNotice(message);
    },
    [btg, queryClient],
  );

  const clearNotice = useCallback(() => setNotice(null), []);
  const value = useMemo(
    () => ({ btg, signedIn, notice, clearNotice, signIn, signOut }),
    [btg, signedIn, notice, clearNotice, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionProvider');
  return session;
}

export const useBtg = () => useSession().btg;
