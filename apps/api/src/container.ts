import { SystemClock, RandomIdGenerator } from '@btg-funds/adapters-system';
import 'reflect-metadata';
import { Container, ContainerModule } from 'inversify';
import type { Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { authModule } from './modules/auth-module.js';
import { httpModule } from './modules/http-module.js';
import { observabilityModule } from './modules/observability-module.js';
import { notificationsModule } from './modules/notifications-module.js';
import { storageModule } from './modules/storage-modules.js';
import { useCasesModule } from './modules/use-cases-module.js';
import { TOKENS } from './tokens.js';

/** The composition root: every object of the process, built once (singletons). */
export function createContainer(
  config: AppConfig,
  logger: Logger,
  tracer: Tracer | null = null,
): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  const processModule = new ContainerModule(({ bind }) => {
    bind(TOKENS.Config).toConstantValue(config);
    bind(TOKENS.Logger).toConstantValue(logger);
    bind(TOKENS.Tracer).toConstantValue(tracer);
    bind(TOKENS.Clock).toDynamicValue(() => new SystemClock());
    bind(TOKENS.Ids).toDynamicValue(() => new RandomIdGenerator());
  });
  container.load(
    processModule,
    storageModule(config),
    authModule,
    useCasesModule,
    notificationsModule,
    httpModule,
    observabilityModule(tracer),
  );
  return container;
}
