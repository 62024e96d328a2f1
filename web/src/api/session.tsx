/**
 * Who is signed in, when the platform offers accounts (/api/auth). The
 * session lives in an HttpOnly cookie; the page only asks /api/auth/me.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';

import { useCapabilities } from './capabilities.tsx';
import { api, unwrap, type ResponseOf } from './client.ts';
import { useApi } from './useApi.ts';

export type SessionUser = NonNullable<ResponseOf<'/api/auth/me'>['user']>;

interface Session {
  /** Accounts exist on this platform. */
  offered: boolean;
  user: SessionUser | null;
  reload(): void;
}

const SessionContext = createContext<Session>({ offered: false, user: null, reload: () => undefined });

export function SessionProvider({ children }: { children: ReactNode }) {
  const { caps } = useCapabilities();
  const offered = !!caps?.has('GET /api/auth/me');
  const [round, setRound] = useState(0);
  const me = useApi(
    async (signal) => {
      if (!offered) return null;
      try {
        return (await unwrap(api.GET('/api/auth/me', { signal }))).user ?? null;
      } catch {
        // Not signed in (401), or the guard is off and nobody is calling.
        return null;
      }
    },
    [offered, round],
  );

  return (
    <SessionContext.Provider value={{ offered, user: me.data ?? null, reload: () => setRound((r) => r + 1) }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  return useContext(SessionContext);
}
