"""Inputs and outputs of each Terraform module (and of the root in infra/stack) in its README.

    .venv/bin/python .ci/terraform-docs.py --write   # regenerate the tables between the markers
    .venv/bin/python .ci/terraform-docs.py --check   # fail when a README is missing or stale

The tables are generated from variables.tf / outputs.tf (python-hcl2, installed with checkov) and
live between <!-- BEGIN_TF_DOCS --> and <!-- END_TF_DOCS -->; the text around them is hand-written.
The check compares cell contents, not padding, so prettier may re-align the tables.
"""
import json
import pathlib
import re
import sys

import hcl2

ROOT = pathlib.Path(__file__).resolve().parent.parent
BEGIN, END = "<!-- BEGIN_TF_DOCS -->", "<!-- END_TF_DOCS -->"
DIRS = sorted(p for p in (ROOT / "infra/modules").iterdir() if p.is_dir()) + [ROOT / "infra/stack"]


def blocks(path: pathlib.Path, kind: str) -> list[tuple[str, dict]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        parsed = hcl2.load(fh)
    return [(name, body) for block in parsed.get(kind, []) for name, body in block.items()]


def first(body: dict, key: str):
    value = body.get(key)
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def unwrap(text: str) -> str:
    match = re.fullmatch(r"\$\{(.*)\}", text, re.S)
    return match.group(1) if match else text


def default_of(body: dict) -> str:
    if "default" not in body:
        return "required"
    value = first(body, "default")
    if isinstance(value, str):
        return f"`{unwrap(value)}`" if value.startswith("${") else f'`"{value}"`'
    return f"`{json.dumps(value)}`"


def cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    rows = [[cell(c) for c in row] for row in rows]
    widths = [max([3, len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    return [line(header), "| " + " | ".join("-" * w for w in widths) + " |"] + [line(r) for r in rows]


def generated(directory: pathlib.Path) -> str:
    inputs = [
        [f"`{name}`", f"`{unwrap(first(body, 'type') or 'any')}`", default_of(body), first(body, "description") or ""]
        for name, body in blocks(directory / "variables.tf", "variable")
    ]
    outputs = [
        [f"`{name}`", first(body, "description") or ""]
        for name, body in blocks(directory / "outputs.tf", "output")
    ]
    lines = [BEGIN, "", "## Inputs", ""]
    lines += table(["name", "type", "default", "description"], inputs) if inputs else ["None."]
    lines += ["", "## Outputs", ""]
    lines += table(["name", "description"], outputs) if outputs else ["None."]
    return "\n".join(lines + ["", END])


def normalized(text: str) -> list[str]:
    out = []
    for raw in text.strip().splitlines():
        line = re.sub(r"\s+", " ", raw.strip())
        if re.fullmatch(r"\|( ?:?-+:? ?\|)+", line):
            line = "|---|"
        out.append(line)
    return out


def main(mode: str) -> int:
    problems = []
    for directory in DIRS:
        readme = directory / "README.md"
        rel = readme.relative_to(ROOT)
        want = generated(directory)
        text = readme.read_text(encoding="utf-8") if readme.exists() else ""
        if BEGIN not in text or END not in text:
            problems.append(f"{rel}: no {BEGIN} … {END} section")
            continue
        head, rest = text.split(BEGIN, 1)
        current, tail = rest.split(END, 1)
        if normalized(BEGIN + current + END) == normalized(want):
            continue
        if mode == "--write":
            readme.write_text(head + want + tail, encoding="utf-8")
            print(f"terraform-docs: wrote {rel}")
        else:
            problems.append(f"{rel}: inputs/outputs differ from the .tf files")
    for problem in problems:
        print(f"terraform-docs: {problem}", file=sys.stderr)
    if problems and mode == "--check":
        print("terraform-docs: fix with .venv/bin/python .ci/terraform-docs.py --write", file=sys.stderr)
    print(f"terraform-docs: {len(DIRS) - len(problems)} of {len(DIRS)} READMEs current")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("--check", "--write"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
