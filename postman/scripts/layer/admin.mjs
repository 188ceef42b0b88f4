// "Administración": the first admin (ADMIN_EMAIL / ADMIN_PASSWORD at start-up) looks at the
// client of "Historia BTG". Run it after that folder: it reads {{storyClientId}}.
import { bearer, folder, numbered, request } from './request.mjs';
import { expectStatus, storeSession } from './snippets.mjs';

const login = () =>
  request({
    name: 'Ingresar como administrador',
    description:
      'Con los valores de ADMIN_EMAIL y ADMIN_PASSWORD del servidor (variables adminEmail y adminPassword del entorno).',
    method: 'POST',
    path: '/api/v1/auth/login',
    auth: bearer(null),
    body: { email: '{{adminEmail}}', password: '{{adminPassword}}' },
    tests: `
${expectStatus(200)}
${storeSession('admin').trim()}
`,
  });

const profile = () =>
  request({
    name: 'Mi perfil de administrador',
    method: 'GET',
    path: '/api/v1/me',
    tests: `
${expectStatus(200)}
pm.test('tiene el rol admin', () => pm.expect(pm.response.json().role).to.equal('admin'));
`,
  });

const clientIsRefused = () =>
  request({
    name: 'Un cliente no entra a la administración',
    method: 'GET',
    path: '/api/v1/admin/clients',
    auth: bearer('accessToken'),
    tests: `
${expectStatus(403)}
pm.test('con el código FORBIDDEN', () => pm.expect(pm.response.json().code).to.equal('FORBIDDEN'));
`,
  });

const clients = () =>
  request({
    name: 'Listar clientes',
    method: 'GET',
    path: '/api/v1/admin/clients',
    query: [{ key: 'limit', value: '100' }],
    tests: `
${expectStatus(200)}
pm.test('una página de perfiles y su cursor', () => {
  const page = pm.response.json();
  pm.expect(page.items).to.be.an('array').that.is.not.empty;
  pm.expect(page).to.have.property('nextCursor');
});
`,
  });

const storyClient = () =>
  request({
    name: 'El cliente de la historia',
    method: 'GET',
    path: '/api/v1/admin/clients/{{storyClientId}}',
    tests: `
${expectStatus(200)}
pm.test('su correo y su saldo tras la historia', () => {
  pm.expect(pm.response.json()).to.include({ email: pm.variables.get('storyEmail'), balance: '225000.00' });
});
`,
  });

const storyHistory = () =>
  request({
    name: 'Su historial',
    method: 'GET',
    path: '/api/v1/admin/clients/{{storyClientId}}/transactions',
    tests: `
${expectStatus(200)}
pm.test('los seis movimientos de la historia, la cancelación primero', () => {
  const { items } = pm.response.json();
  pm.expect(items).to.have.lengthOf(6);
  pm.expect(items[0]).to.include({ type: 'cancellation', fundId: '1' });
});
`,
  });

/** A fresh copy each time: the build writes ids into it. */
export const adminFolder = () =>
  folder({
    name: 'Administración',
    description:
      'El administrador creado al arrancar con ADMIN_EMAIL y ADMIN_PASSWORD. Ejecútela después de ' +
      '"Historia BTG": consulta el cliente que esa carpeta registró.',
    auth: bearer('adminAccessToken'),
    items: numbered([
      login(),
      profile(),
      clientIsRefused(),
      clients(),
      storyClient(),
      storyHistory(),
    ]),
  });
