// The BTG story (docs/product/rules.md), played through the use cases on in-memory storage (no HTTP):
//   npm run story
import { Money } from '@btg-funds/domain';
import {
  IdempotencyGuard,
  ListTransactions,
  Outbox,
  RegisterClient,
  SeedFunds,
  ListFunds,
  SubscribeToFund,
  CancelSubscription,
  DEFAULT_RETRY_POLICY,
} from '@btg-funds/application';
import { createInMemoryStorage, RandomIdGenerator, SystemClock } from '@btg-funds/adapters-memory';

const storage = createInMemoryStorage();
const clock = new SystemClock();
const ids = new RandomIdGenerator();
const hasher = { hash: async (pw) => `plain:${pw}`, verify: async (pw, h) => h === `plain:${pw}` };
const outbox = new Outbox(storage.notifications, () => ids.next());
const idempotency = new IdempotencyGuard(storage.idempotency, clock, ids);
const money = { ...storage, outbox, idempotency, clock, ids, retry: DEFAULT_RETRY_POLICY };
const subscribe = new SubscribeToFund(money);
const cancel = new CancelSubscription(money);

await new SeedFunds(storage.funds).execute();
const client = await new RegisterClient({ ...storage, hasher, ids, clock }).execute({
  email: 'Ana.Perez@Example.com',
  password: 'una-clave-muy-segura',
  fullName: 'Ana Pérez',
  notificationPreference: 'email',
});
console.log(`Cliente ${client.email}: saldo ${client.balance.format()}`);
for (const fund of await new ListFunds(storage.funds).execute()) {
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

const history = await new ListTransactions(storage.ledger).execute({
  clientId: client.id,
  limit: 20,
});
console.log('Historial (más reciente primero):');
for (const tx of history.items) {
  console.log(
    `  ${tx.type.padEnd(12)} ${tx.status.padEnd(9)} ${tx.fundName.padEnd(28)} ${tx.amount.format().padStart(10)} → saldo ${tx.balanceAfter.format()}`,
  );
}
