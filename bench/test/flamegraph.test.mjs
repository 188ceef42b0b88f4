// The flame graph docs/flames shows: each box as wide as its samples and its callees' together,
// only the samples of the load window counted, our packages told apart by colour.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFlameGraph } from '../lib/flamegraph.mjs';
import { packageOf } from '../lib/profile.mjs';

const ROOT = '/repo';
const frame = (functionName, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });

// root → handle (ours) → parse (a dependency); root → (idle). Samples 1 ms apart from t = 0:
// handle 2, parse 4, idle 2 inside the window [0, 8 ms]; 8 more of parse after it. hitCount is
// what a profile's nodes say of the whole profile.
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), hitCount: 0, children: [2, 4] },
    {
      id: 2,
      callFrame: frame('handle', `file://${ROOT}/packages/app/dist/h.js`),
      hitCount: 2,
      children: [3],
    },
    {
      id: 3,
      callFrame: frame('parse', `file://${ROOT}/node_modules/lib/p.js`),
      hitCount: 12,
      children: [],
    },
    { id: 4, callFrame: frame('(idle)'), hitCount: 2, children: [] },
  ],
  startTime: 0,
  endTime: 16_000,
  samples: [2, 2, 3, 3, 3, 3, 4, 4, ...Array(8).fill(3)],
  timeDeltas: Array(16).fill(1000),
};

function draw(window) {
  const dir = mkdtempSync(join(tmpdir(), 'flame-'));
  try {
    const file = join(dir, 'p.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    writeFlameGraph(file, join(dir, 'flame.svg'), { root: ROOT, window, title: 'sc: 1 req/s' });
    return readFileSync(join(dir, 'flame.svg'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each box's name (its title's first word) → its width in pixels and its fill. */
function boxes(svg) {
  const found = new Map();
  for (const m of svg.matchAll(
    /<title>(\S+) [^<]*<\/title><rect [^>]*width="([\d.]+)"[^>]*fill="([^"]+)"/g,
  )) {
    found.set(m[1], { width: Number(m[2]), fill: m[3] });
  }
  return found;
}

test('a box is as wide as its own samples and its callees, within the window', () => {
  const svg = draw({ startUs: 0, endUs: 8000 });
  const drawn = boxes(svg);
  // 8 samples in the window over 1200 px: handle (2 + its callee's 4) 900, parse 600, idle 300.
  assert.ok(Math.abs(drawn.get('handle').width - 900) < 1, `handle ${drawn.get('handle').width}`);
  assert.ok(Math.abs(drawn.get('parse').width - 600) < 1, `parse ${drawn.get('parse').width}`);
  assert.ok(Math.abs(drawn.get('(idle)').width - 300) < 1, `idle ${drawn.get('(idle)').width}`);
  assert.match(svg, /sc: 1 req\/s — 8 ms sampled/);
});

test('without a window every sample counts', () => {
  const drawn = boxes(draw(undefined));
  // 16 samples: parse 12 of them.
  assert.ok(Math.abs(drawn.get('parse').width - 900) < 1, `parse ${drawn.get('parse').width}`);
});

test("our packages are coloured apart from dependencies and from V8's own states", () => {
  const drawn = boxes(draw({ startUs: 0, endUs: 8000 }));
  const hue = (fill) => Number(/hsl\((\d+)/.exec(fill)[1]);
  assert.ok(hue(drawn.get('handle').fill) >= 180, drawn.get('handle').fill);
  assert.ok(hue(drawn.get('parse').fill) < 60, drawn.get('parse').fill);
  assert.equal(drawn.get('(idle)').fill, 'hsl(0, 0%, 78%)');
});

test("a box's package names this repository's other scripts without the machine's path", () => {
  assert.equal(
    packageOf('file:///home/ci/repo/bench/baseline-server.mjs', 'fetch'),
    'bench/baseline-server.mjs',
  );
  assert.equal(packageOf(`file://${ROOT}/packages/app/dist/h.js`, 'handle'), 'packages/app');
  assert.equal(packageOf(`file://${ROOT}/node_modules/@scope/lib/p.js`, 'parse'), '@scope/lib');
  assert.equal(packageOf('node:internal/streams/writable', 'write'), 'node core');
});
