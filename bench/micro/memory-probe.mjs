// Where the API's memory goes during a bench run: this file starts the built API with a probe.
//
//   BENCH_API_SCRIPT=bench/micro/memory-probe.mjs node bench/run.mjs --only me
//
// Writes, next to MEMORY_PROBE_OUT (default /tmp/memory-probe-<pid>):
//   .samples   one JSON line a second: RSS, V8 heap used/total, each heap space's size
//   .smaps     on SIGTERM (the bench stopping the API): /proc/self/smaps grouped by mapping and,
//              for anonymous memory, by mapping size (V8 pages are 256 KB each; glibc's thread
//              arenas are the few-MB mappings), with V8's own view of its heap beside it
//   .heapprofile  with MEMORY_PROBE_SAMPLING=1: a sampling heap profile (Chrome DevTools format)
//              that keeps what full collections freed and drops what young collections freed —
//              i.e. the objects that reached the old generation. Started after
//              MEMORY_PROBE_SAMPLING_DELAY_MS (default 11000: past the bench's baseline).
//              MEMORY_PROBE_SAMPLING=all keeps what young collections freed too: every
//              allocation, by where it was made (what makes the young collections work).
// Summarise a profile with: node bench/micro/memory-probe.mjs --summary FILE.heapprofile
import inspector from 'node:inspector';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MB = 1024 * 1024;
const round = (bytes) => Math.round((bytes / MB) * 10) / 10;

if (process.argv[2] === '--summary') {
  summarise(process.argv[3]);
} else {
  probe();
  await import(join(dirname(fileURLToPath(import.meta.url)), '../../apps/api/dist/main.js'));
}

function probe() {
  const out = process.env.MEMORY_PROBE_OUT ?? `/tmp/memory-probe-${process.pid}`;
  const t0 = Date.now();
  setInterval(() => {
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    const spaces = Object.fromEntries(
      v8.getHeapSpaceStatistics().map((s) => [s.space_name, round(s.space_size)]),
    );
    const line = { s: Math.round((Date.now() - t0) / 1000), rss: round(rss) };
    Object.assign(line, { heapUsed: round(heapUsed), heapTotal: round(heapTotal), spaces });
    appendFileSync(`${out}.samples`, `${JSON.stringify(line)}\n`);
  }, 1000).unref();
  process.once('SIGTERM', () => writeFileSync(`${out}.smaps`, smapsSummary()));
  const sampling = process.env.MEMORY_PROBE_SAMPLING;
  if (sampling === '1' || sampling === 'all') {
    const session = new inspector.Session();
    session.connect();
    const delay = Number(process.env.MEMORY_PROBE_SAMPLING_DELAY_MS ?? 11_000);
    session.post('HeapProfiler.enable');
    setTimeout(() => {
      session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: sampling === 'all',
      });
    }, delay).unref();
    process.once('SIGTERM', () => {
      session.post('HeapProfiler.stopSampling', (error, result) => {
        if (!error) writeFileSync(`${out}.heapprofile`, JSON.stringify(result.profile));
      });
    });
  }
}

function smapsSummary() {
  const byName = new Map();
  const anonBySize = new Map();
  let current = null;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const kb = (parseInt(head[2], 16) - parseInt(head[1], 16)) / 1024;
      const name = head[4] === '' ? '[anon]' : head[4].replace(/.*\//, '');
      const bucket =
        head[4] !== ''
          ? null
          : `${head[3]} ${kb <= 260 ? '≤ 256 KB' : kb <= 8200 ? '≤ 8 MB' : kb <= 65600 ? '≤ 64 MB' : '> 64 MB'}`;
      current = { name, bucket, kb };
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && current) {
      add(byName, current.name, current.kb, Number(rss[1]));
      if (current.bucket) add(anonBySize, current.bucket, current.kb, Number(rss[1]));
    }
  }
  const heap = v8.getHeapStatistics();
  const table = (map) =>
    [...map]
      .sort((a, b) => b[1].rss - a[1].rss)
      .map(
        ([k, v]) => `${k}\tn=${v.n}\tsize=${round(v.kb * 1024)} MB\trss=${round(v.rss * 1024)} MB`,
      );
  return [
    `rss ${round(process.memoryUsage().rss)} MB; V8 heap physical ${round(heap.total_physical_size)} MB of ${round(heap.total_heap_size)} MB, used ${round(heap.used_heap_size)} MB; V8 malloced ${round(heap.malloced_memory)} MB`,
    '',
    ...table(byName).slice(0, 12),
    '',
    'anonymous mappings by size:',
    ...table(anonBySize),
    '',
  ].join('\n');
}

function add(map, key, kb, rssKb) {
  const entry = map.get(key) ?? { n: 0, kb: 0, rss: 0 };
  entry.n += 1;
  entry.kb += kb;
  entry.rss += rssKb;
  map.set(key, entry);
}

function summarise(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byStack = new Map();
  let total = 0;
  const walk = (node, stack) => {
    const f = node.callFrame;
    const here = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*\//, '')}:${f.lineNumber + 1}`;
    const frames = [here, ...stack].slice(0, 4);
    if (node.selfSize > 0) {
      total += node.selfSize;
      const key = frames.join(' < ');
      byStack.set(key, (byStack.get(key) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, frames);
  };
  walk(profile.head, []);
  console.log(
    `${round(total)} MB sampled (reached the old generation or still alive; with MEMORY_PROBE_SAMPLING=all, every allocation)`,
  );
  for (const [stack, bytes] of [...byStack].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${String(round(bytes)).padStart(7)} MB  ${stack}`);
  }
}
