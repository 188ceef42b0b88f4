"""Adds up the test runners' own reports in .ci/out: vitest JSON files, newman JSON reports (one
pm.test assertion is one check) and the "<name>: N passed, N failed" lines that other tools'
wrappers print. Prints "passed failed skipped"."""
import json
import pathlib
import re
import sys

out = pathlib.Path(sys.argv[1])
passed = failed = skipped = 0
for report in sorted(out.glob("vitest-*.json")):
    data = json.loads(report.read_text())
    passed += data.get("numPassedTests", 0)
    failed += data.get("numFailedTests", 0) + data.get("numRuntimeErrorTestSuites", 0)
    skipped += data.get("numPendingTests", 0) + data.get("numTodoTests", 0)
    if not data.get("success", False) and data.get("numFailedTests", 0) == 0:
        failed += 1  # a run that failed outside any test (e.g. an unhandled error)
    print(f"{report.name}: {data.get('numPassedTests', 0)} passed, {data.get('numFailedTests', 0)} failed, "
          f"{data.get('numPendingTests', 0)} skipped", file=sys.stderr)
for report in sorted(out.glob("newman*.json")):
    run = json.loads(report.read_text())["run"]
    stats = run["stats"]
    assertions = stats["assertions"]
    # A request with no answer or a script that threw is a failure even if no assertion ran.
    broken = stats["requests"]["failed"] + stats["testScripts"]["failed"] + stats["prerequestScripts"]["failed"]
    passed += assertions["total"] - assertions["failed"]
    failed += assertions["failed"] + broken + (1 if run.get("error") else 0)
    skipped += assertions["pending"]
    print(f"{report.name}: {assertions['total'] - assertions['failed']} assertions passed, "
          f"{assertions['failed']} failed, {broken} requests or scripts broken", file=sys.stderr)
line = re.compile(r"^[\w-]+: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$")
for log in sorted(out.glob("*.log")):
    for text in reversed(log.read_text(errors="replace").splitlines()):
        match = line.match(text.strip())
        if match:
            passed += int(match.group(1))
            failed += int(match.group(2))
            skipped += int(match.group(3) or 0)
            break
print(passed, failed, skipped)
