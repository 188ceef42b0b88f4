import type { ContainerModule } from 'inversify';
import type { AppConfig, StorageKind } from '../config/app-config.js';
import { mongoStorageConfig } from '../config/mongo-storage-config.js';
import { memoryModule } from './memory-module.js';
import { mongoModule } from './mongo-module.js';

/**
 * The extension point for storage: one ContainerModule per adapter set, chosen by config
 * (MONGODB_URI set → mongo). A module binds TOKENS.Storage (an AppStorage); nothing else
 * in the container knows which one it got.
 */
const MODULES: Partial<Record<StorageKind, (config: AppConfig) => ContainerModule>> = {
  memory: () => memoryModule,
  mongo: (config) => mongoModule(mongoStorageConfig(config, process.env)),
};

export function storageModule(config: AppConfig): ContainerModule {
  const factory = MODULES[config.storage.kind];
  if (factory === undefined) {
    // Failing loudly beats silently running on memory when an operator asked for a database.
    throw new Error(`storage "${config.storage.kind}" is configured but not wired in apps/api`);
  }
  return factory(config);
}
