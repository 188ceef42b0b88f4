import { describe, expect, it } from 'vitest';
import { batchedByTurn } from '../src/runtime/turn-batching.js';

const request = (name: string) => new Request(`http://test/${name}`);

/** ADR 0706: what one turn reads is handled together, after the reading. */
describe('batchedByTurn', () => {
  it('handles the requests of a turn only after the turn has read them all, in order', async () => {
    const order: string[] = [];
    const fetch = batchedByTurn((req: Request) => {
      order.push(`answer ${new URL(req.url).pathname}`);
      return new Response('ok');
    });
    const first = fetch(request('a'), undefined);
    order.push('read b');
    const second = fetch(request('b'), undefined);
    order.push('read c');
    const third = fetch(request('c'), undefined);
    await Promise.all([first, second, third]);
    expect(order).toEqual(['read b', 'read c', 'answer /a', 'answer /b', 'answer /c']);
  });

  it('passes the environment through and gives each request its own answer', async () => {
    const fetch = batchedByTurn((req: Request, env: { n: number }) =>
      Promise.resolve(new Response(`${new URL(req.url).pathname} ${env.n}`)),
    );
    const answers = await Promise.all([
      fetch(request('x'), { n: 1 }),
      fetch(request('y'), { n: 2 }),
    ]);
    expect(await Promise.all(answers.map((r) => r.text()))).toEqual(['/x 1', '/y 2']);
  });

  it('starts a new batch in the next turn', async () => {
    const turns: number[] = [];
    let turn = 0;
    const fetch = batchedByTurn(() => {
      turns.push(turn);
      return new Response('ok');
    });
    await fetch(request('a'), undefined);
    turn += 1;
    await fetch(request('b'), undefined);
    expect(turns).toEqual([0, 1]);
  });
});
