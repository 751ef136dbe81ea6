"""The anchor of the scale benchmark: the site a person would write by hand for the same events.

Why: "the pipeline takes N seconds" says little on a shared machine whose
speed varies from run to run; "the pipeline takes 1.3 times a plain
MkDocs Material site of the same events, built in the same run" does not
depend on the machine. The anchor is that plain site: Material with its
defaults (search included), one Markdown page per event with about the text
of the event's page (title, summary, facts, participants, sources as a
list), a home page and one list page per year, and a navigation of one
entry, so its size per page does not grow with the number of events.
Only its MkDocs build is timed: a hand-written site has no validation and
no generator.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from csto_data.model import Dataset, Row, event_sort_key, event_year
from csto_data.site.filters import human_date, label, period


def write_anchor(data: Dataset, root: Path) -> Path:
    """Write the anchor's Markdown under `root/docs` and its `mkdocs.yml`; returns the config file."""
    docs = root / "docs"
    (docs / "events").mkdir(parents=True, exist_ok=True)
    years: dict[str, list[Row]] = defaultdict(list)
    for event in data.tables["events"]:
        years[event_year(event)].append(event)
        (docs / "events" / f"{event['id']}.md").write_text(event_page(data, event), encoding="utf-8")
    (docs / "index.md").write_text(
        "# Events\n\n" + "".join(f"- [{year}](years/{year}.md) ({len(years[year])})\n" for year in sorted(years)),
        encoding="utf-8",
    )
    (docs / "years").mkdir(exist_ok=True)
    for year, events in years.items():
        lines = [f"- [{event['title']}](../events/{event['id']}.md)\n" for event in sorted(events, key=event_sort_key)]
        (docs / "years" / f"{year}.md").write_text(f"# {year}\n\n" + "".join(lines), encoding="utf-8")
    config = {
        "site_name": "Anchor",
        "docs_dir": str(docs),
        "theme": {"name": "material"},
        "nav": [{"Home": "index.md"}],
    }
    config_file = root / "mkdocs-anchor.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def event_page(data: Dataset, event: Row) -> str:
    """One event as plain Markdown: what its generated page says, without tables or citation marks."""
    facts = [("Kind", label(event["kind"])), ("Dates", period(event)), ("Status", label(event["status"]))]
    for name, table, column in (("Host", "members", "host_id"), ("Place", "places", "place_id")):
        if event.get(column):
            facts.append((name, data.by_id[table][event[column]]["name"]))
    if event.get("series_id"):
        facts.append(("Series", data.by_id["series"][event["series_id"]]["name"]))
    lines = [f"# {event['title']}\n\n{event['summary']}\n\n"]
    lines += [f"- {name}: {value}\n" for name, value in facts]
    participants = data.participants.get(event["id"], [])
    if participants:
        lines.append("\n## Participating states\n\n")
        lines += [
            f"- {data.by_id['members'][row['member_id']]['name']}: {label(row['role'])}\n" for row in participants
        ]
    lines.append("\n## Sources\n\n")
    for source_id in event["source_ids"].split(";"):
        source = data.by_id["sources"][source_id]
        title = f"[{source['title']}]({source['url']})" if source["url"] else source["title"]
        lines.append(f"1. {source['publisher']}, {title}, {human_date(source['published'])}\n")
    return "".join(lines)
