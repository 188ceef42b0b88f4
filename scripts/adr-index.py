"""Regenerates docs/adr/README.md from the ADR files' titles: python3 scripts/adr-index.py"""
import pathlib
import re

adr = pathlib.Path(__file__).resolve().parent.parent / "docs" / "adr"
rows = []
for path in sorted(adr.glob("0*.md")):
    title = re.sub(r"^#\s*", "", path.read_text().splitlines()[0])
    title = re.sub(r"^(ADR\s*)?[0-9]+\s*[—:.-]*\s*", "", title)
    rows.append("| [%s](%s) | %s |" % (path.stem[:4], path.name, title))
header = """# Architecture decision records

Short records of the decisions that shape btg-funds, numbered by area: 00xx core, 01xx
deployment and CI, 02xx HTTP, 03xx MongoDB, 04xx notifications, 05xx benchmark, 06xx
observability, 07xx performance.

| # | decision |
|---|---|
"""
(adr / "README.md").write_text(header + "\n".join(rows) + "\n")
