/** Texts more than one screen shows: written once so the screens cannot drift apart. */
export const SHARED_TEXT = {
  emailLabel: 'Correo electrónico',
  emailRequired: 'Escriba su correo electrónico.',
  fullNameRequired: 'Escriba su nombre completo.',
  noTransactionsYet: 'Aún no tiene movimientos',
  signedOut: 'Cerró su sesión. Vuelva pronto.',
} as const;

/** The Spanish words for the API's enums: one place, so every screen says the same thing. */
export const CATEGORY_LABEL: Readonly<Record<string, string>> = {
  FPV: 'Fondo Voluntario de Pensión',
  FIC: 'Fondo de Inversión Colectiva',
};

export const TRANSACTION_TYPE_LABEL: Readonly<Record<string, string>> = {
  subscription: 'Suscripción',
  cancellation: 'Cancelación',
};

export const TRANSACTION_STATUS_LABEL: Readonly<Record<string, string>> = {
  completed: 'Completada',
  failed: 'Fallida',
};

export const CHANNEL_LABEL: Readonly<Record<string, string>> = {
  email: SHARED_TEXT.emailLabel,
  sms: 'SMS',
};

export const NOTIFICATION_STATUS_LABEL: Readonly<Record<string, string>> = {
  pending: 'Pendiente',
  sent: 'Enviada',
  failed: 'Fallida',
};

export const ROLE_LABEL: Readonly<Record<string, string>> = {
  client: 'Cliente',
  admin: 'Administrador',
};

/** A label for a value, or the value itself when a newer API sends one we do not know yet. */
export function label(table: Readonly<Record<string, string>>, value: string): string {
  return table[value] ?? value;
}
