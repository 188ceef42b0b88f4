// The BTG story (docs/product/rules.md), played through the use cases on in-memory storage (no HTTP):
//   npm run story
import { Money } from '@btg-funds/domain';
import { createUseCases } from '@btg-funds/application';
import { createInMemoryStorage } from '@btg-funds/adapters-memory';
import { RandomIdGenerator, SystemClock } from '@btg-funds/adapters-system';

// The application's one composition (createUseCases), as the API process builds it; the story
// signs no one in, so the token and secret ports are never called.
const storage = createInMemoryStorage();
const unused = () => {
  throw new Error('not used by the story');
};
const useCases = createUseCases({
  ...storage,
  clock: new SystemClock(),
  ids: new RandomIdGenerator(),
  hasher: { hash: async (pw) => `plain:${pw}`, verify: async (pw, h) => h === `plain:${pw}` },
  issuer: { issue: unused },
  secrets: { generate: unused, digest: unused },
  codes: { generate: unused },
  senders: { email: { send: unused }, sms: { send: unused } },
});
const { subscribeToFund: subscribe, cancelSubscription: cancel } = useCases;

await useCases.seedFunds.execute();
const client = await useCases.registerClient.execute({
  email: 'Ana.Perez@Example.com',
  password: 'una-clave-muy-segura',
  fullName: 'Ana Pérez',
  notificationPreference: 'email',
});
console.log(`Cliente ${client.email}: saldo ${client.balance.format()}`);
for (const fund of await useCases.listFunds.execute()) {
  console.log(`  fondo ${fund.id} ${fund.name} (mínimo ${fund.minimumAmount.format()})`);
}

const subscriptions = [];
for (const fundId of ['1', '2', '3', '5']) {
  const { result } = await subscribe.execute({ clientId: client.id, fundId });
  subscriptions.push(result.subscription);
  console.log(`Suscrito a ${result.subscription.fundName}: saldo ${result.balance.format()}`);
}
try {
  await subscribe.execute({ clientId: client.id, fundId: '4' });
} catch (error) {
  console.log(`Rechazado (${error.code}): ${error.message}`);
}
const { result: cancelled } = await cancel.execute({
  clientId: client.id,
  subscriptionId: subscriptions[1].id,
});
console.log(`Cancelado ${cancelled.subscription.fundName}: saldo ${cancelled.balance.format()}`);

const replayKey = 'story-key-1';
const first = await subscribe.execute({
  clientId: client.id,
  fundId: '2',
  amount: Money.parse('125000'),
  idempotencyKey: replayKey,
});
const again = await subscribe.execute({
  clientId: client.id,
  fundId: '2',
  amount: Money.parse('125000'),
  idempotencyKey: replayKey,
});
console.log(
  `Idempotency-Key: repetido=${again.replayed}, misma transacción=${first.result.transaction.id === again.result.transaction.id}, saldo ${again.result.balance.format()}`,
);

const history = await useCases.listTransactions.execute({
  clientId: client.id,
  limit: 20,
});
console.log('Historial (más reciente primero):');
for (const tx of history.items) {
  console.log(
    `  ${tx.type.padEnd(12)} ${tx.status.padEnd(9)} ${tx.fundName.padEnd(28)} ${tx.amount.format().padStart(10)} → saldo ${tx.balanceAfter.format()}`,
  );
}
