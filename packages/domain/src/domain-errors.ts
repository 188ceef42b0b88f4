import { DomainError, type ErrorDetails } from './errors.js';
import { AccountRefusal } from './refusal.js';

/**
 * Every error the domain decides, with its Spanish text written once (the catalogue of the
 * domain layer; the application and the HTTP adapter keep their own). Exported as
 * `DomainErrors`; each factory names the rule it reports.
 */

/** What the factories need of a Money (structural: Money itself imports this catalogue). */
interface Amount {
  toDecimalString(): string;
  format(): string;
}
interface FundRef {
  readonly id: string;
  readonly name: string;
}

const AMOUNT_NOT_POSITIVE = 'El monto debe ser mayor que cero.';
const fundFacts = (fund: FundRef) => ({ fundId: fund.id, fundName: fund.name });

// Money

export const invalidAmountFormat = (input: unknown): DomainError =>
  new DomainError('INVALID_AMOUNT', 'El monto debe ser un número con máximo dos decimales.', {
    input: String(input),
  });

export const amountTooLarge = (input: unknown): DomainError =>
  new DomainError('INVALID_AMOUNT', 'El monto excede el máximo permitido.', {
    input: String(input),
  });

export const amountNotPositive = (input: unknown): DomainError =>
  new DomainError('INVALID_AMOUNT', AMOUNT_NOT_POSITIVE, { input: String(input) });

export const currencyMismatch = (left: string, right: string): DomainError =>
  new DomainError('CURRENCY_MISMATCH', 'No se pueden combinar monedas distintas.', {
    left,
    right,
  });

// Refusals of Account.subscribe and Account.cancel (returned, never thrown: ADR 0006)

export const nonPositiveAmount = (requested: Amount): AccountRefusal<'INVALID_AMOUNT'> =>
  new AccountRefusal('INVALID_AMOUNT', AMOUNT_NOT_POSITIVE, {
    requestedAmount: requested.toDecimalString(),
  });

export const fundInactive = (fund: FundRef): AccountRefusal<'FUND_INACTIVE'> =>
  new AccountRefusal(
    'FUND_INACTIVE',
    `El fondo ${fund.name} no está disponible para nuevas vinculaciones.`,
    fundFacts(fund),
  );

export const alreadySubscribed = (
  fund: FundRef,
  subscriptionId: string,
): AccountRefusal<'ALREADY_SUBSCRIBED'> =>
  new AccountRefusal(
    'ALREADY_SUBSCRIBED',
    `Ya tiene una suscripción activa al fondo ${fund.name}.`,
    {
      ...fundFacts(fund),
      subscriptionId,
    },
  );

export const amountBelowMinimum = (
  fund: FundRef & { readonly minimumAmount: Amount },
  requested: Amount,
): AccountRefusal<'AMOUNT_BELOW_MINIMUM'> =>
  new AccountRefusal(
    'AMOUNT_BELOW_MINIMUM',
    `El monto mínimo para vincularse al fondo ${fund.name} es ${fund.minimumAmount.format()}.`,
    {
      ...fundFacts(fund),
      requiredAmount: fund.minimumAmount.toDecimalString(),
      requestedAmount: requested.toDecimalString(),
    },
  );

/** The text is the statement's own, word for word (docs/product/rules.md, "Subscribing"). */
export const insufficientBalance = (
  fund: FundRef,
  required: Amount,
  available: Amount,
): AccountRefusal<'INSUFFICIENT_BALANCE'> =>
  new AccountRefusal(
    'INSUFFICIENT_BALANCE',
    `No tiene saldo disponible para vincularse al fondo ${fund.name}`,
    {
      ...fundFacts(fund),
      requiredAmount: required.toDecimalString(),
      availableBalance: available.toDecimalString(),
    },
  );

export const subscriptionNotFound = (
  subscriptionId: string,
): AccountRefusal<'SUBSCRIPTION_NOT_FOUND'> =>
  new AccountRefusal('SUBSCRIPTION_NOT_FOUND', 'La suscripción no existe.', { subscriptionId });

export const alreadyCancelled = (
  subscriptionId: string,
  fund: FundRef,
): AccountRefusal<'ALREADY_CANCELLED'> =>
  new AccountRefusal('ALREADY_CANCELLED', 'La suscripción ya fue cancelada.', {
    ...fundFacts(fund),
    subscriptionId,
  });

/** Stored data that breaks conservation: corruption or a bug, never the caller's doing. */
export const ledgerInvariantBroken = (details: ErrorDetails): DomainError =>
  new DomainError(
    'LEDGER_INVARIANT_BROKEN',
    'El estado de la cuenta no cumple la conservación del dinero.',
    details,
  );

// Funds

const invalidFund = (message: string): DomainError => new DomainError('INVALID_FUND', message);

export const invalidFundId = (): DomainError =>
  invalidFund('El id del fondo debe tener de 1 a 64 letras, dígitos, "_" o "-".');

export const invalidFundName = (): DomainError =>
  invalidFund('El nombre del fondo debe tener de 1 a 100 letras, dígitos, espacios o _ . -');

export const invalidFundMinimum = (): DomainError =>
  invalidFund('El monto mínimo del fondo debe ser mayor que cero.');

export const invalidFundCategory = (): DomainError =>
  invalidFund('La categoría del fondo debe ser FPV o FIC.');

// Clients

export const invalidPhone = (): DomainError =>
  new DomainError(
    'INVALID_PHONE',
    'El teléfono debe estar en formato internacional E.164, por ejemplo +573001234567.',
  );

export const invalidFullName = (): DomainError =>
  new DomainError('INVALID_FULL_NAME', 'El nombre debe tener entre 1 y 120 caracteres.');

export const phoneRequiredForSms = (): DomainError =>
  new DomainError(
    'PHONE_REQUIRED_FOR_SMS',
    'Para recibir notificaciones por SMS debe registrar un número de teléfono.',
  );

const invalidEmail = (message: string): DomainError => new DomainError('INVALID_EMAIL', message);

export const emailWithDirectionMarks = (): DomainError =>
  invalidEmail(
    'El correo electrónico no puede contener texto de derecha a izquierda ni marcas de dirección.',
  );

export const emailWithInvisibleCharacters = (): DomainError =>
  invalidEmail('El correo electrónico contiene caracteres invisibles o de control.');

export const malformedEmail = (): DomainError =>
  invalidEmail('El correo electrónico no es válido.');

export const emailWithMixedScripts = (): DomainError =>
  invalidEmail(
    'El correo electrónico mezcla letras de alfabetos distintos (por ejemplo, latinas y cirílicas).',
  );
