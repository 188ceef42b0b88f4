// The memory line says which heap limit the API ran with (V8 sizes it from the host's memory).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { TASK_HEAP_LIMITS_MB, TASK_MEMORY_GB } from '../lib/report.mjs';
import { API_NODE_ARGS, apiHeapLimitMb } from '../lib/servers.mjs';
import { markdownOf } from './fixtures/report-inputs.mjs';

const memoryWith = (heapLimitMb) => ({
  api: {
    apiRssMb: 250,
    apiPeakRssMb: 260,
    apiStartRssMb: 150,
    apiHeap: { usedMb: 100, totalMb: 150, externalMb: 5, youngMb: 33.6 },
    heapLimitMb,
    loginRssMb: null,
  },
});
const memoryLine = (heapLimitMb) =>
  markdownOf([], { memory: memoryWith(heapLimitMb) })
    .split('\n')
    .find((line) => line.startsWith('Resident memory after the run (api'));

test("the API's heap limit is asked of a process started with the API's flags", () => {
  const limit = apiHeapLimitMb();
  assert.ok(Number.isInteger(limit) && limit > 0, `a limit in MB, got ${limit}`);
  // ADR 0739: the API keeps V8's own old-generation limit, so the line reports the host's.
  assert.ok(!API_NODE_ARGS.some((flag) => flag.startsWith('--max-old-space-size')));
});

test('the memory line names a host-sized limit and the ones the ECS tasks get', () => {
  assert.match(
    memoryLine(4144),
    /young generation 33\.6 MB\), limit 4144 MB \(sized from this host's memory; the tasks get 560 MB in dev \(1 GB\), 1,072 MB in prod \(2 GB\)\)/,
  );
  assert.match(memoryLine(TASK_HEAP_LIMITS_MB.dev), /limit 560 MB \(as in the dev task \(1 GB\)\)/);
  assert.match(
    memoryLine(TASK_HEAP_LIMITS_MB.prod),
    /limit 1072 MB \(as in the prod task \(2 GB\)\)/,
  );
  assert.doesNotMatch(memoryLine(null), /limit/);
});

test("the tasks' sizes are the ones Terraform gives each environment", () => {
  const read = (path) =>
    readFileSync(new URL(`../../infra/stack/${path}`, import.meta.url), 'utf8');
  const numberAfter = (text, pattern) => Number(pattern.exec(text)?.[1]);
  const stackDefault = numberAfter(
    read('variables.tf'),
    /variable "task_memory" \{[^}]*?default\s*=\s*(\d+)/,
  );
  const memoryOf = (env) =>
    numberAfter(read(`envs/${env}.tfvars`), /^task_memory\s*=\s*(\d+)/m) || stackDefault;
  for (const env of Object.keys(TASK_HEAP_LIMITS_MB)) {
    assert.equal(memoryOf(env), TASK_MEMORY_GB[env] * 1024, `${env}'s task_memory`);
  }
});
