import * as DomainErrors from './domain-errors.js';

// Pragmatic address check (RFC 5321 lengths, one @, a dotted ASCII domain); delivery proves the rest.
const EMAIL =
  /^[^\s@"<>()[\]\\,;:]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

// Bidirectional text (RFC 8265 §4.2 keeps right-to-left out of identifiers that mix directions):
// explicit direction marks and embeddings, and letters of the right-to-left scripts.
const BIDI =
  /[\p{Bidi_Control}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Yezidi}]/u;
// Characters that print as nothing: controls, format characters (zero-width space and joiners,
// soft hyphen…), default-ignorable code points, and line or paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/u;

/**
 * UTS #39 "highly restrictive": one script, or Latin with one of the CJK combinations. The domain
 * is always ASCII here, so every address is at least Latin: Cyrillic or Greek look-alikes in the
 * local part make it mixed-script and are refused.
 */
const SCRIPTS = {
  Latin: /\p{scx=Latin}/u,
  Han: /\p{scx=Han}/u,
  Hiragana: /\p{scx=Hiragana}/u,
  Katakana: /\p{scx=Katakana}/u,
  Bopomofo: /\p{scx=Bopomofo}/u,
  Hangul: /\p{scx=Hangul}/u,
} as const;
type AllowedScript = keyof typeof SCRIPTS;
const PROFILES: readonly (readonly AllowedScript[])[] = [
  ['Latin'],
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];
const NEUTRAL = /[\p{scx=Common}\p{scx=Inherited}]/u;

/**
 * The one form an address is stored and compared in, so that one person has one identity
 * (RFC 8265 IdentifierClass, applied to the whole address): NFKC (full-width and compatibility
 * forms fold to their plain letters, a decomposed accent composes), case folded, then checked.
 * Invisible, bidirectional and mixed-script addresses are refused: they print like another one.
 */
export function normalizeEmail(email: string): string {
  const trimmed = email.normalize('NFKC').trim();
  // toUpperCase first: a full fold for the letters that matter here (ß → ss, ı → i).
  const folded = trimmed.toUpperCase().toLowerCase().normalize('NFKC');
  if (BIDI.test(folded)) {
    throw DomainErrors.emailWithDirectionMarks();
  }
  if (INVISIBLE.test(folded)) {
    throw DomainErrors.emailWithInvisibleCharacters();
  }
  if (folded.length > 254 || !EMAIL.test(folded)) {
    throw DomainErrors.malformedEmail();
  }
  if (!singleScriptProfile(folded)) {
    throw DomainErrors.emailWithMixedScripts();
  }
  return folded;
}

/**
 * The form addresses were stored in before normalizeEmail folded them (trimmed, lower case).
 * Login also looks an account up by it, so an address stored that way still signs in.
 */
export function legacyEmailKey(email: string): string {
  return email.trim().toLowerCase();
}

function singleScriptProfile(address: string): boolean {
  const constraints: AllowedScript[][] = [];
  for (const char of address) {
    if (char < '\u0080') {
      if (/[a-z]/i.test(char)) constraints.push(['Latin']);
      continue;
    }
    const scripts = (Object.keys(SCRIPTS) as AllowedScript[]).filter((s) => SCRIPTS[s].test(char));
    if (scripts.length > 0) constraints.push(scripts);
    else if (!NEUTRAL.test(char)) return false; // a letter of a script no profile allows
  }
  return PROFILES.some((profile) =>
    constraints.every((candidates) => candidates.some((s) => profile.includes(s))),
  );
}
