/**
 * Passwords known from breaches (NIST SP 800-63B §5.1.1.2): an attacker tries them first, so a
 * new password on the list is refused. Compared without regard to case or width.
 */
export interface BreachedPasswords {
  includes(password: string): boolean;
}
