/**
 * Checks worth doing before a round trip, in the same words as the server's rules; the server
 * stays the judge (its field errors are shown the same way).
 */
export function checkPassword(password: string): string | null {
  if (password.length < 12) return 'La contraseña debe tener al menos 12 caracteres.';
  if (password.length > 128) return 'La contraseña puede tener como máximo 128 caracteres.';
  return null;
}

export function checkPhone(phone: string, preference: string): string | null {
  const value = phone.trim();
  if (value === '') {
    return preference === 'sms' ? 'Para recibir avisos por SMS escriba su celular.' : null;
  }
  if (!/^\+[1-9]\d{7,14}$/.test(value)) {
    return 'Escriba el celular con indicativo, por ejemplo +573001234567.';
  }
  return null;
}
