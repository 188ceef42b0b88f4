// Script fragments shared by the hand-kept layer. They run in Postman's sandbox (and newman's),
// so they are plain ES2020 strings, not modules.

/**
 * Stores a value where Postman will resolve it next: the active environment when one is
 * selected (so local and AWS keep separate sessions), otherwise the collection's variables.
 */
export const STORE = `
const store = (name, value) => (pm.environment.name ? pm.environment : pm.collectionVariables).set(name, value);
`;

/** After a login or refresh: keep both tokens for {{accessToken}} / {{refreshToken}}. */
export function storeSession(prefix = '') {
  const access = prefix ? `${prefix}AccessToken` : 'accessToken';
  const refresh = prefix ? `${prefix}RefreshToken` : 'refreshToken';
  return `
${STORE.trim()}
// Guarda la sesión: las demás solicitudes envían Authorization: Bearer {{${access}}}.
if (pm.response.code === 200) {
  const session = pm.response.json();
  store('${access}', session.accessToken);
  store('${refresh}', session.refreshToken);
}
`;
}

/** Asserts the HTTP status (and names the test after it). */
export function expectStatus(code) {
  return `pm.test('responde ${code}', () => pm.response.to.have.status(${code}));`;
}
