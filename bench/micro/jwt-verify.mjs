// Microbenchmark behind docs/performance.md: the cost of one access-token verification, as the
// server does it today (jose + KeyObject) and the alternatives. Run: node bench/micro/jwt-verify.mjs
import { generateKeyPairSync, createPublicKey, webcrypto, verify as nodeVerify } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
const { privateKey } = generateKeyPairSync('ed25519');
const pub = createPublicKey(privateKey);
const cryptoKey = await webcrypto.subtle.importKey(
  'spki',
  pub.export({ type: 'spki', format: 'der' }),
  { name: 'Ed25519' },
  false,
  ['verify'],
);
const token = await new SignJWT({ role: 'client' })
  .setProtectedHeader({ alg: 'EdDSA' })
  .setSubject('x')
  .setIssuedAt()
  .setExpirationTime('15m')
  .sign(privateKey);
async function time(name, fn, n = 3000) {
  for (let i = 0; i < 300; i++) await fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  console.log(name, (Number(process.hrtime.bigint() - t) / n / 1000).toFixed(1), 'µs/op');
}
const opts = { algorithms: ['EdDSA'] };
const cache = new Map();
await time('jose + KeyObject (as today)', () => jwtVerify(token, pub, opts));
await time('jose + CryptoKey imported once', () => jwtVerify(token, cryptoKey, opts));
const [h, p, s] = token.split('.');
await time('node:crypto.verify Ed25519 (sync, signature only)', () =>
  nodeVerify(null, Buffer.from(`${h}.${p}`), pub, Buffer.from(s, 'base64url')),
);
await time('Map cache hit', async () => {
  let r = cache.get(token);
  if (!r) {
    r = await jwtVerify(token, pub, opts);
    cache.set(token, r);
  }
  return r;
});
