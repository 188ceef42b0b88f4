import { OutcomeUnknown } from '@btg-funds/application';

/**
 * The texts the HTTP layer answers with on its own (protocol failures), each written once: this
 * layer's catalogue. Business texts come from the layers that decide them (DomainErrors,
 * ApplicationErrors); the OpenAPI examples quote all three instead of copying them.
 */
export const HTTP_MESSAGES = {
  invalidJson: 'El cuerpo de la solicitud no es JSON válido.',
  payloadTooLarge: 'El cuerpo de la solicitud excede el tamaño permitido.',
  unsupportedMediaType: 'El cuerpo debe enviarse como application/json.',
  requestTimeout: 'La solicitud tardó demasiado. Intente de nuevo.',
  unexpected: 'Ocurrió un error inesperado.',
  serviceUnavailable: 'El servicio no está disponible en este momento. Intente de nuevo.',
  unauthorized: 'Se requiere un token de acceso válido.',
  forbidden: 'Su rol no tiene permiso para esta operación.',
  invalidRequest: 'La solicitud no cumple el esquema esperado.',
  notFound: (path: string) => `No existe el recurso ${path}.`,
  /** The application's own words: a money answer that does not pretend (ADR 0206). */
  outcomeUnknown: OutcomeUnknown.MESSAGE,
} as const;
