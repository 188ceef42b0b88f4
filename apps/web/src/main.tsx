import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppClient } from './api/create-app-client.js';
import { createQueryClient } from './api/create-query-client.js';
import { createServiceStatus } from './api/service-status.js';
import { ServiceStatusContext } from './api/service-status-context.js';
import { createAppRouter } from './router.js';
import { SessionProvider } from './session/session-context.js';
import './styles/app.css';

const status = createServiceStatus();
const queryClient = createQueryClient(status);
const btg = createAppClient(sessionStorage);
const router = createAppRouter(btg);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServiceStatusContext.Provider value={status}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider btg={btg}>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </ServiceStatusContext.Provider>
  </StrictMode>,
);
