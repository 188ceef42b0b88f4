/** Dates as a client in Colombia reads them: Spanish, Bogotá time (UTC-5, no DST). */
const DATE_TIME = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

const DATE = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "15 ene 2026, 9:30 a. m." */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** "15 de enero de 2026" */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

const TIME = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  hour: 'numeric',
  minute: '2-digit',
});

/** "9:30 a. m." */
export function formatTime(iso: string): string {
  return TIME.format(new Date(iso));
}
