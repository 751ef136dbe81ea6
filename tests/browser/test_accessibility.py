"""axe-core on the rendered pages: no serious or critical accessibility violation.

axe (pinned in package-lock.json) is injected into each page after it has
loaded and its scripts have run, so it sees the DOM a screen reader sees.

The theme's own issues are fixed in `overrides/` and `docs/stylesheets/extra.css`
(search dialog name, footer contrast, underlined links); any serious or
critical violation fails, with the element and axe's advice in the message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .support import AUDITED_PAGES, Reader

BLOCKING_IMPACTS = frozenset({"serious", "critical"})
RUN_AXE = """async () => {
    const results = await axe.run(document);
    return results.violations.map(violation => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map(node => ({
            target: node.target.join(" "),
            html: node.html.slice(0, 200),
            summary: node.failureSummary,
        })),
    }));
}"""


def blocking_violations(reader: Reader, axe: Path) -> list[dict[str, Any]]:
    """Serious and critical axe violations of the current page."""
    reader.page.add_script_tag(path=str(axe))
    violations: list[dict[str, Any]] = reader.page.evaluate(RUN_AXE)
    return [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]


@pytest.mark.parametrize("name", AUDITED_PAGES)
def test_no_serious_accessibility_violation(
    name: str, reader: Reader, audited_pages: dict[str, str], axe_source: Path
) -> None:
    reader.visit(audited_pages[name])
    found = [
        f"{violation['id']} ({violation['impact']}) {node['target']}: {violation['help']}\n"
        f"    {node['html']}\n    {node['summary']}"
        for violation in blocking_violations(reader, axe_source)
        for node in violation["nodes"]
    ]
    assert found == [], f"/{audited_pages[name]}:\n" + "\n".join(found)
