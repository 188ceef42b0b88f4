import {
  BcryptPasswordHasher,
  BundledBreachedPasswords,
  CryptoOneTimeCodes,
  CryptoSecretTokens,
  JoseTokenIssuer,
  JoseTokenVerifier,
  type JwtSettings,
} from '@btg-funds/adapters-http';
import { ContainerModule } from 'inversify';
import type { AppConfig } from '../config/app-config.js';
import { TOKENS } from '../tokens.js';

/** Passwords, access tokens and refresh-token secrets. */
export const authModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.PasswordHasher).toResolvedValue(
    (config: AppConfig) => new BcryptPasswordHasher(config.bcryptCost),
    [TOKENS.Config],
  );
  bind(TOKENS.JwtSettings).toResolvedValue(
    (config: AppConfig): JwtSettings => ({
      ...config.jwt.keys,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      accessTtlSeconds: config.jwt.accessTtlSeconds,
      clockToleranceSeconds: 5,
      now: () => new Date(),
    }),
    [TOKENS.Config],
  );
  bind(TOKENS.TokenIssuer).toResolvedValue(
    (settings: JwtSettings) => new JoseTokenIssuer(settings),
    [TOKENS.JwtSettings],
  );
  bind(TOKENS.TokenVerifier).toResolvedValue(
    (settings: JwtSettings) => new JoseTokenVerifier(settings),
    [TOKENS.JwtSettings],
  );
  bind(TOKENS.SecretTokens).toDynamicValue(() => new CryptoSecretTokens());
  bind(TOKENS.OneTimeCodes).toDynamicValue(() => new CryptoOneTimeCodes());
  // The 100,000 most common breached passwords, read and checked once (ADR 0220).
  bind(TOKENS.BreachedPasswords).toDynamicValue(() => BundledBreachedPasswords.load());
});
