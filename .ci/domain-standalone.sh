#!/usr/bin/env bash
# Proves @btg-funds/domain is embeddable alone: pack it, install the tarball into an empty
# project (its only dependency, big.js, comes from the registry), and run the README's example.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npx tsc -b packages/domain
tarball=$(cd packages/domain && npm pack --silent --pack-destination "$work" | tail -1)
cd "$work"
printf '{ "name": "embedder", "private": true, "type": "module" }\n' > package.json
npm install --silent --no-audit --no-fund "./$tarball" >/dev/null
deps=$(node -e "const p=require('./node_modules/@btg-funds/domain/package.json');console.log(Object.keys(p.dependencies||{}).join(','))")
cat > example.mjs <<'JS'
import { Account, Money, SEEDED_FUNDS } from '@btg-funds/domain';
const fund = SEEDED_FUNDS.find((f) => f.id === '4');
const change = Account.open('client-42').subscribe({
  fund, amount: Money.parse('300000'), transactionId: 't-1', subscriptionId: 's-1', at: new Date(),
});
const rejected = change.account.subscribe({ fund: SEEDED_FUNDS[1], transactionId: 't-2', subscriptionId: 's-2', at: new Date() });
console.log(change.account.balance.format(), '|', rejected.account.subscribe({
  fund: SEEDED_FUNDS[0], amount: Money.parse('200000'), transactionId: 't-3', subscriptionId: 's-3', at: new Date(),
}).rejection?.message ?? 'none');
JS
out=$(node example.mjs)
expected='$ 200.000 | No tiene saldo disponible para vincularse al fondo FPV_BTG_PACTUAL_RECAUDADORA'
if [ "$deps" = "big.js" ] && [ "$out" = "$expected" ]; then
  echo "domain-standalone: 1 passed, 0 failed"
else
  echo "dependencies: '$deps' (want big.js); output: '$out' (want '$expected')"
  echo "domain-standalone: 0 passed, 1 failed"
  exit 1
fi
