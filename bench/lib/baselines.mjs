// The baseline each ratio is taken against (ADR 0740). This VM's speed moves within one run
// (bare Hono answered 37,707 req/s at the start of a run and 57,361 at its end), so a ratio to
// the mean of the run's first and last baseline depended on when its scenario ran. The bench
// runs a short baseline slice between two scenarios; each run is divided by the mean of the
// baseline runs just before and just after it, which shared its moment of the machine.

export const isBaseline = (id) => id.startsWith('baseline');

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

/** Mean requests/s of every baseline run: the rule before ADR 0740, still reported beside it. */
export function runMeanBaselineRps(runs) {
  const base = runs.filter((r) => isBaseline(r.id) && r.rps > 0);
  return base.length ? Math.round(mean(base.map((r) => r.rps))) : null;
}

/** The req/s of the first baseline that answered, walking from `from` by `step` (±1); or null. */
function nearestBaselineRps(runs, from, step) {
  for (let i = from; i >= 0 && i < runs.length; i += step) {
    if (isBaseline(runs[i].id) && runs[i].rps > 0) return runs[i].rps;
  }
  return null;
}

/**
 * The requests/s a run is measured against: the mean of the nearest baseline run before it and
 * the nearest after it, in the order the runs were measured (`runs` is that order). A run with a
 * baseline on one side only (the login rows, after the last baseline) takes that one; none, null.
 */
export function besideBaselineRps(runs, index) {
  const near = [nearestBaselineRps(runs, index - 1, -1), nearestBaselineRps(runs, index + 1, 1)];
  const found = near.filter((rps) => rps !== null);
  return found.length ? Math.round(mean(found)) : null;
}

/** Each run that is not a baseline, with `baseRps`: the baselines beside it (see above). */
export function withBesideBaselines(runs) {
  return runs.map((run, index) =>
    isBaseline(run.id) ? run : { ...run, baseRps: besideBaselineRps(runs, index) },
  );
}

/** The latest baseline run so far: what the bench's progress log compares a run with. */
export const latestBaselineRps = (runs) => nearestBaselineRps(runs, runs.length - 1, -1);
