// "Historia BTG": the assignment's story told against the real API, each step checked with
// pm.test. Every run registers a new client (unique e-mail), so it works on a fresh in-memory
// server and again and again on the same one.
import { bearer, folder, numbered, request } from './request.mjs';
import { expectStatus, STORE, storeSession } from './snippets.mjs';

/**
 * The seeded funds (docs/product/rules.md, "Funds") that the story subscribes to, in order, and
 * the balance after.
 */
const SUBSCRIPTIONS = [
  { id: '1', name: 'FPV_BTG_PACTUAL_RECAUDADORA', amount: '75000.00', balance: '425000.00' },
  { id: '2', name: 'FPV_BTG_PACTUAL_ECOPETROL', amount: '125000.00', balance: '300000.00' },
  { id: '3', name: 'DEUDAPRIVADA', amount: '50000.00', balance: '250000.00' },
  { id: '5', name: 'FPV_BTG_PACTUAL_DINAMICA', amount: '100000.00', balance: '150000.00' },
];
const REFUSAL = 'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES';
const IDEMPOTENCY_KEY = { key: 'Idempotency-Key', value: '{{$guid}}' };

const register = () =>
  request({
    name: 'Registrar un cliente nuevo',
    method: 'POST',
    path: '/api/v1/auth/register',
    auth: bearer(null),
    prerequest: `
${STORE.trim()}
// Un correo nuevo en cada ejecución: la historia se puede repetir contra el mismo servidor.
store('storyEmail', 'historia-' + Date.now() + '-' + Math.floor(Math.random() * 1e6) + '@example.com');
`,
    body: {
      email: '{{storyEmail}}',
      password: '{{storyPassword}}',
      fullName: 'Cliente Historia BTG',
      phone: '+573001234567',
      notificationPreference: 'email',
    },
    tests: `
${STORE.trim()}
${expectStatus(201)}
const client = pm.response.json();
pm.test('empieza con COP 500.000', () => {
  pm.expect(client.balance).to.equal('500000.00');
  pm.expect(client.currency).to.equal('COP');
});
pm.test('es un cliente con el correo registrado', () => {
  pm.expect(client.role).to.equal('client');
  pm.expect(client.email).to.equal(pm.variables.get('storyEmail'));
});
store('storyClientId', client.id);
`,
  });

const login = () =>
  request({
    name: 'Ingresar',
    method: 'POST',
    path: '/api/v1/auth/login',
    auth: bearer(null),
    body: { email: '{{storyEmail}}', password: '{{storyPassword}}' },
    tests: `
${expectStatus(200)}
pm.test('entrega un token Bearer y uno de renovación', () => {
  const session = pm.response.json();
  pm.expect(session.tokenType).to.equal('Bearer');
  pm.expect(session.accessToken).to.be.a('string').and.not.be.empty;
  pm.expect(session.refreshToken).to.be.a('string').and.not.be.empty;
});
${storeSession().trim()}
`,
  });

const funds = () =>
  request({
    name: 'Ver los fondos',
    method: 'GET',
    path: '/api/v1/funds',
    auth: bearer(null),
    tests: `
${expectStatus(200)}
pm.test('FDO-ACCIONES pide un mínimo de COP 250.000', () => {
  const fund = pm.response.json().items.find((f) => f.id === '4');
  pm.expect(fund).to.include({ name: 'FDO-ACCIONES', minimumAmount: '250000.00', active: true });
});
`,
  });

const subscriptions = () =>
  SUBSCRIPTIONS.map((fund, index) =>
    request({
      name: `Suscribirse a ${fund.name} (fondo ${fund.id})`,
      description: 'Sin monto: se usa el mínimo del fondo.',
      method: 'POST',
      path: '/api/v1/subscriptions',
      headers: [IDEMPOTENCY_KEY],
      body: { fundId: fund.id },
      tests: `
${STORE.trim()}
${expectStatus(201)}
const { subscription, transaction, balance } = pm.response.json();
pm.test('queda suscrito por el mínimo, ${fund.amount}', () => {
  pm.expect(subscription).to.include({ fundId: '${fund.id}', fundName: '${fund.name}', amount: '${fund.amount}', status: 'active' });
});
pm.test('registra la apertura en el historial', () => {
  pm.expect(transaction).to.include({ type: 'subscription', status: 'completed', fundId: '${fund.id}', amount: '${fund.amount}' });
});
pm.test('el saldo baja a ${fund.balance}', () => pm.expect(balance).to.equal('${fund.balance}'));
${index === 0 ? "store('storySubscriptionId', subscription.id);" : ''}
`,
    }),
  );

const refused = () =>
  request({
    name: 'FDO-ACCIONES: saldo insuficiente',
    description:
      'Quedan COP 150.000 y el mínimo es COP 250.000: se rechaza con el mensaje exacto del enunciado.',
    method: 'POST',
    path: '/api/v1/subscriptions',
    headers: [IDEMPOTENCY_KEY],
    body: { fundId: '4' },
    tests: `
${expectStatus(422)}
pm.test('es un problema RFC 9457', () => {
  pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json');
});
pm.test('con el mensaje exacto', () => {
  const problem = pm.response.json();
  pm.expect(problem.code).to.equal('INSUFFICIENT_BALANCE');
  pm.expect(problem.detail).to.equal(${JSON.stringify(REFUSAL)});
});
`,
  });

const cancel = () =>
  request({
    name: `Cancelar la suscripción a ${SUBSCRIPTIONS[0].name}`,
    method: 'DELETE',
    path: '/api/v1/subscriptions/{{storySubscriptionId}}',
    headers: [IDEMPOTENCY_KEY],
    tests: `
${expectStatus(200)}
const { subscription, transaction, balance } = pm.response.json();
pm.test('la suscripción queda cancelada', () => {
  pm.expect(subscription.status).to.equal('cancelled');
  pm.expect(subscription.cancelledAt).to.be.a('string');
});
pm.test('devuelve el monto: ${SUBSCRIPTIONS[0].amount}', () => {
  pm.expect(transaction).to.include({ type: 'cancellation', status: 'completed', amount: '${SUBSCRIPTIONS[0].amount}' });
  pm.expect(balance).to.equal('225000.00');
});
`,
  });

const me = () =>
  request({
    name: 'Consultar el saldo',
    method: 'GET',
    path: '/api/v1/me',
    tests: `
${expectStatus(200)}
pm.test('el rechazo no movió dinero: quedan 225000.00', () => pm.expect(pm.response.json().balance).to.equal('225000.00'));
`,
  });

// Newest first: the cancellation, the refusal, then the four subscriptions in reverse order.
const EXPECTED_HISTORY = [
  {
    type: 'cancellation',
    status: 'completed',
    fundId: '1',
    amount: '75000.00',
    balanceAfter: '225000.00',
  },
  {
    type: 'subscription',
    status: 'failed',
    fundId: '4',
    amount: '250000.00',
    balanceAfter: '150000.00',
  },
  ...[...SUBSCRIPTIONS].reverse().map((fund) => ({
    type: 'subscription',
    status: 'completed',
    fundId: fund.id,
    amount: fund.amount,
    balanceAfter: fund.balance,
  })),
];

const history = () =>
  request({
    name: 'Ver el historial',
    method: 'GET',
    path: '/api/v1/transactions',
    tests: `
${expectStatus(200)}
const { items, nextCursor } = pm.response.json();
pm.test('seis movimientos, del más reciente al más antiguo', () => {
  const seen = items.map(({ type, status, fundId, amount, balanceAfter }) => ({ type, status, fundId, amount, balanceAfter }));
  pm.expect(seen).to.deep.equal(${JSON.stringify(EXPECTED_HISTORY)});
  pm.expect(nextCursor).to.equal(null);
});
pm.test('el intento rechazado guarda su motivo', () => {
  pm.expect(items[1].reason).to.deep.equal({ code: 'INSUFFICIENT_BALANCE', message: ${JSON.stringify(REFUSAL)} });
});
pm.test('cada movimiento tiene su propio identificador', () => {
  pm.expect(new Set(items.map((t) => t.id)).size).to.equal(items.length);
});
`,
  });

/** A fresh copy each time: the build writes ids into it. */
export const storyFolder = () =>
  folder({
    name: 'Historia BTG',
    description:
      'La historia del enunciado contra la API real: registro → ingreso → suscripción a los fondos ' +
      '1, 2, 3 y 5 → FDO-ACCIONES rechazado por saldo (mensaje exacto) → cancelación → historial. ' +
      'Cada paso lleva sus pruebas (pm.test). Cada ejecución registra un cliente nuevo, así que se ' +
      'puede repetir. Ejecútela completa con el Collection Runner o paso a paso, en orden.',
    items: numbered([
      register(),
      login(),
      funds(),
      ...subscriptions(),
      refused(),
      cancel(),
      me(),
      history(),
    ]),
  });
