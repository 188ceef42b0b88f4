// A flame graph (SVG, no dependency) from a V8 .cpuprofile: each box is a function in its call
// stack, as wide as the time spent in it and everything it called, over the samples taken while
// the load ran. Hover a box for its name, file, milliseconds and share. Root at the bottom.
import { readFileSync, writeFileSync } from 'node:fs';
import { packageOf, shorten } from './profile.mjs';

const WIDTH = 1200;
const ROW = 17;
const MIN_PX = 0.6; // narrower boxes are dropped (with their children): they are unreadable

/** Writes `out` (an SVG) for `file`, counting only samples within `window` (µs, like selfTimes). */
export function writeFlameGraph(file, out, { root, window, title }) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const hits = sampleHits(profile, window);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map();
  const sum = (node) => {
    let t = hits.get(node.id) ?? 0;
    for (const child of node.children ?? []) t += sum(byId.get(child));
    total.set(node.id, t);
    return t;
  };
  const rootNode = profile.nodes[0];
  const all = sum(rootNode);
  const intervalMs = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length || 1);
  const boxes = [];
  let depthMax = 0;
  const place = (node, x, depth) => {
    const w = ((total.get(node.id) ?? 0) / all) * WIDTH;
    if (w < MIN_PX) return;
    if (depth > 0) boxes.push({ node, x, w, depth });
    depthMax = Math.max(depthMax, depth);
    let cx = x;
    const kids = (node.children ?? []).map((c) => byId.get(c));
    kids.sort((a, b) => label(a).localeCompare(label(b)));
    for (const kid of kids) {
      place(kid, cx, depth + 1);
      cx += ((total.get(kid.id) ?? 0) / all) * WIDTH;
    }
  };
  place(rootNode, 0, 0);
  const height = (depthMax + 1) * ROW + 56;
  const rects = boxes.map(({ node, x, w, depth }) => {
    const y = height - 10 - depth * ROW;
    const { url, lineNumber } = node.callFrame;
    const where = url ? `${shorten(url, root)}:${lineNumber + 1}` : '';
    const ms = Math.round(((total.get(node.id) ?? 0) * intervalMs * 10) / 10) / 10;
    const pct = Math.round(((total.get(node.id) ?? 0) / all) * 1000) / 10;
    const name = label(node);
    const pkg = packageOf(url, node.callFrame.functionName);
    const text = w > 30 ? fit(name, w) : '';
    return (
      `<g><title>${esc(`${name} ${where}\n${pkg} — ${ms} ms, ${pct} %`)}</title>` +
      `<rect x="${x.toFixed(1)}" y="${y - ROW + 1}" width="${Math.max(w - 0.3, 0.3).toFixed(1)}" height="${ROW - 1}" fill="${colour(pkg)}" rx="1"/>` +
      (text ? `<text x="${(x + 3).toFixed(1)}" y="${y - 4}">${esc(text)}</text>` : '') +
      '</g>'
    );
  });
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="monospace" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="4" y="16" font-size="13">${esc(title)} — ${Math.round(all * intervalMs)} ms sampled</text>`,
    `<text x="4" y="32">width = time in a function and its callees · blue/green: our packages · warm: dependencies, Node · grey: V8 (idle, GC, program) · hover: file and share</text>`,
    ...rects,
    '</svg>',
  ].join('\n');
  writeFileSync(out, `${svg}\n`);
  return out;
}

function sampleHits(profile, window) {
  const hits = new Map();
  if (window && profile.samples && profile.timeDeltas) {
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i += 1) {
      t += profile.timeDeltas[i];
      if (t < window.startUs || t > window.endUs) continue;
      hits.set(profile.samples[i], (hits.get(profile.samples[i]) ?? 0) + 1);
    }
    if (hits.size > 0) return hits;
  }
  for (const n of profile.nodes) if (n.hitCount) hits.set(n.id, n.hitCount);
  return hits;
}

const label = (node) => node.callFrame.functionName || '(anonymous)';
const fit = (s, w) => {
  const chars = Math.floor((w - 6) / 6.6);
  return s.length <= chars ? s : chars > 2 ? `${s.slice(0, chars - 1)}…` : '';
};
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One warm hue per package, stable across graphs; our workspace packages in blue/green. */
function colour(pkg) {
  let h = 0;
  for (const ch of pkg) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  if (pkg.startsWith('packages/') || pkg.startsWith('apps/')) {
    return `hsl(${180 + (h % 60)}, 55%, ${62 + (h % 12)}%)`;
  }
  if (pkg.startsWith('(')) return 'hsl(0, 0%, 78%)';
  return `hsl(${h % 55}, ${70 + (h % 20)}%, ${58 + (h % 14)}%)`;
}
