import type { Role } from '@btg-funds/domain';

export interface Principal {
  readonly clientId: string;
  readonly role: Role;
}

/** Per-request values shared by middleware and handlers. */
export interface HttpEnv {
  Variables: {
    requestId: string;
    principal: Principal | undefined;
  };
}
