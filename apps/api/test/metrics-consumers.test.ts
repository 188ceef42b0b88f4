import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_METRICS_PORT } from '../src/config/production-guards.js';
import { AppMetrics } from '../src/runtime/app-metrics.js';

/**
 * The consumers of /metrics outside the code — the collector's selectors, the alarms, the
 * CloudWatch and Grafana dashboards, the local Prometheus — name series and ports by text.
 * A renamed series must fail here, not silently empty a dashboard or mute an alarm.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const files = (dir: string, ext: RegExp): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((path) => ext.test(path))
    .map((path) => join(dir, path));

const metrics = new AppMetrics(() => Promise.resolve(0));
const registered = metrics.registry.getMetricsAsArray().map((metric) => metric.name);
/** Names as scraped: histograms also expose _bucket, _sum and _count. */
const exposed = new Set(
  registered.flatMap((name) => [name, `${name}_bucket`, `${name}_sum`, `${name}_count`]),
);
const SERIES = /\b(?:btg|http|nodejs|process)_[a-z0-9_]*[a-z0-9]\b/g;

const terraform = files('infra/modules', /\.tf$/).map((path) => [path, read(path)] as const);

describe('consumers of /metrics name only series the API exports', () => {
  it('CloudWatch alarms and dashboard (quoted names and SEARCH MetricName)', () => {
    const named = terraform
      .flatMap(([, text]) => [
        ...text.matchAll(/metric_name\s*=\s*"([A-Za-z0-9_]+)"/g),
        ...text.matchAll(/local\.ns,\s*"([a-z0-9_]+)"/g),
        ...text.matchAll(/MetricName=\\"([a-z0-9_]+)\\"/g),
      ])
      .map((match) => match[1]!)
      .filter((name) => /^(btg|http)_/.test(name));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('the collector selectors each match an exported series', () => {
    const selectors = terraform.flatMap(([, text]) =>
      [...text.matchAll(/"(\^[^"]+\$)"/g)].map((match) => match[1]!),
    );
    expect(selectors.length).toBeGreaterThan(4);
    const unmatched = selectors.filter(
      (selector) => !registered.some((name) => new RegExp(selector).test(name)),
    );
    expect(unmatched).toEqual([]);
  });

  it('the Grafana dashboard queries', () => {
    const dashboard = JSON.parse(read('ops/monitoring/grafana/dashboards/btg-funds.json')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const names = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) => target.expr.match(SERIES) ?? []),
    );
    expect(names.length).toBeGreaterThan(8);
    expect(names.filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('scrape where production serves it: the metrics port, never the public one', () => {
    const port = String(PRODUCTION_METRICS_PORT);
    expect(read('ops/monitoring/prometheus.yml')).toContain(`- targets: ['api:${port}']`);
    expect(read('docker-compose.yml')).toContain(`METRICS_PORT: '${port}'`);
    const service = read('infra/modules/ecs-service/variables.tf');
    expect(service).toMatch(new RegExp(`variable "metrics_port" \\{[^}]*default\\s+= ${port}\\n`));
    const task = read('infra/modules/ecs-service/task-definition.tf');
    expect(task).toMatch(/METRICS_PORT\s+= tostring\(var\.metrics_port\)/);
    expect(task).toMatch(/METRICS_HOST\s+= "127\.0\.0\.1"/);
    // Only the API port is mapped and open to the load balancer.
    expect(task.match(/containerPort\s*=\s*(\d+)/g)).toEqual(['containerPort = 3000']);
  });
});

describe('the runbook', () => {
  it('has an entry for every alarm', () => {
    const runbook = read('docs/deploy.md');
    const suffixes = terraform
      .filter(([path]) => path.includes('/alarms/'))
      .flatMap(([, text]) => [
        ...[...text.matchAll(/alarm_name\s+= "\$\{[^}]+\}-([a-z0-9-]+)"/g)].map((m) => m[1]!),
        ...forEachAlarmSuffixes(text),
      ]);
    expect(suffixes.length).toBeGreaterThanOrEqual(14);
    const missing = suffixes.filter(
      (suffix) => !new RegExp(`^#### ${suffix}( |$)`, 'm').test(runbook),
    );
    expect(missing).toEqual([]);
  });
});

/**
 * An alarm resource with `for_each = local.<map>` named `"${var.name}-${each.key}"` is one alarm
 * per key of that map: its suffixes are the map's quoted keys (`"ledger-conflicts" = {`).
 */
function forEachAlarmSuffixes(text: string): string[] {
  const maps = text.matchAll(
    /for_each\s+= local\.(\w+)\n\n\s+alarm_name\s+= "\$\{var\.name\}-\$\{each\.key\}"/g,
  );
  return [...maps].flatMap(([, name]) => {
    const body = new RegExp(`\\n  ${name} = \\{\\n([\\s\\S]*?)\\n  \\}\\n`).exec(text)?.[1] ?? '';
    return [...body.matchAll(/^ {4}"([a-z0-9-]+)" = \{$/gm)].map((m) => m[1]!);
  });
}
