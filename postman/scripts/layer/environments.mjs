// The two environments a reviewer picks from. They hold what differs per deployment; the
// session tokens are written into the selected one by the login scripts.
import { uuidFrom } from '../stable-ids.mjs';

/** Local values; .ci/postman.sh starts the server with this admin, so they must agree. */
export const LOCAL = {
  baseUrl: 'http://127.0.0.1:3000',
  adminEmail: 'admin@example.com',
  adminPassword: 'clave-de-administrador-local',
};

function environment(name, values) {
  return {
    id: uuidFrom(`environment/${name}`),
    name,
    values: values.map(([key, value, type = 'default']) => ({ key, value, type, enabled: true })),
    _postman_variable_scope: 'environment',
  };
}

export function buildEnvironments() {
  return {
    local: environment('btg-funds local', [
      ['baseUrl', LOCAL.baseUrl],
      ['adminEmail', LOCAL.adminEmail],
      ['adminPassword', LOCAL.adminPassword, 'secret'],
    ]),
    // The API's public name points at the load balancer (docs/deploy.md, step 7); the admin is
    // the one bootstrapped from the `admin` secret. Fill these in after importing.
    aws: environment('btg-funds AWS', [
      ['baseUrl', 'https://api.btg-funds.example.com'],
      ['adminEmail', ''],
      ['adminPassword', '', 'secret'],
    ]),
  };
}
