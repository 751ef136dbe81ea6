"""A synthetic data package of N events that follows the real schema and validates clean.

Why: the scale benchmark must show how validation, page generation and the
MkDocs build grow with the number of events long before the real dataset
gets there, and the real data cannot be inflated by hand. The package is
generated from the real `datapackage.json` (copied as is) so a schema change
reaches the benchmark at once; it is seeded, so two runs time the same work;
and it passes `validate_package` with zero problems, so the timings are of
the real pipeline and not of an error path.

What is real and what is made up:

- copied from the real package: `members`, `memberships`, `chairmanships`,
  `bodies`, `series`, any table whose foreign keys all point into those (for
  example `gaps`), and the real `sources` rows those copies cite;
- generated, with realistic proportions: `events` (N), `event_participants`
  (~3 per event), `event_bodies` (~1.5 per event), `sources` (~N), `places`
  (~N/20), `documents` (~N/40) with `event_documents`, `people` (~N/100) with
  `positions` and `event_people`.

A table the generator does not know and cannot copy safely is written with
its header only. A column the generator does not fill stays empty; if the
schema makes it required, validation fails, which is what the unit test on a
small package is there to catch.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from csto_data.canonical import canonical_text
from csto_data.csvfile import Record
from csto_data.dates import PartialDate, parse_date, parse_optional
from csto_data.descriptor import PackageSpec, load_descriptor
from csto_data.paths import DESCRIPTOR_PATH
from csto_data.validation.rules import MEMBER_STATUSES
from csto_data.validation.runner import read_package

Row = dict[str, str]

COPIED_TABLES = ("members", "memberships", "chairmanships", "bodies", "series")
"""Real tables copied whole: small, fixed in size whatever N is."""

REFERENCE_DAY = dt.date(2026, 11, 1)
"""The "today" of the synthetic world: events after it are planned. Fixed, so runs are reproducible."""

FIRST_YEAR, LAST_YEAR = 1999, 2027
EXERCISE_KINDS = frozenset({"exercise", "command-staff-training", "special-training", "operational-strategic-training"})
LONG_KINDS = frozenset({"operation", "deployment"})
SERIES_SHARE = 0.6
"""Share of events that are editions of a series (exercises, operations); the rest are meetings."""

MEETINGS = (
    ("summit", "csc", "Collective Security Council session in {place}"),
    ("ministerial-meeting", "cfm", "Council of Foreign Ministers meeting in {place}"),
    ("ministerial-meeting", "cdm", "Council of Defence Ministers meeting in {place}"),
    ("committee-meeting", "cssc", "Committee of Secretaries of Security Councils meeting in {place}"),
    ("parliamentary-session", "parliamentary-assembly", "Parliamentary Assembly session in {place}"),
    ("meeting", "permanent-council", "Permanent Council meeting in {place}"),
    ("briefing", "joint-staff", "Joint Staff briefing in {place}"),
    ("working-group", "cdm-working-group-military-training", "Working group meeting in {place}"),
    ("staff-talks", "joint-staff", "Staff talks in {place}"),
    ("signing", "secretariat", "Signing of agreements in {place}"),
)
"""(kind, organizing body id, title) of events outside a series; a body missing from the real data is dropped."""

PUBLISHERS = (
    ("tass", "TASS", "ru", "news-agency"),
    ("ria", "RIA Novosti", "ru", "news-agency"),
    ("belta", "BelTA", "ru", "news-agency"),
    ("kazinform", "Kazinform", "ru", "news-agency"),
    ("akipress", "AKIpress", "ru", "news-outlet"),
    ("khovar", "Khovar", "ru", "news-agency"),
    ("armenpress", "Armenpress", "en", "news-agency"),
    ("csto", "CSTO Secretariat", "ru", "official"),
    ("mil", "Ministry of Defence of the Russian Federation", "ru", "official"),
    ("eurasianet", "Eurasianet", "en", "analysis"),
)
SOURCE_PHRASES = (
    "begins",
    "ends",
    "announced",
    "active phase under way",
    "results summed up",
    "participants arrive",
    "preparations discussed",
)
SUMMARY_SENTENCES = (
    "Units practised planning, command and control and the interaction of national contingents.",
    "The agenda covered the military-political situation in the region of collective security.",
    "Staff officers rehearsed the deployment and redeployment of forces by road, rail and air.",
    "Delegations exchanged views on cooperation in countering terrorism and drug trafficking.",
    "The closing stage included a live-fire demonstration before the heads of delegations.",
    "Observers from partner organisations attended the final phase.",
    "Decisions were taken on the further development of the collective forces.",
)
NOTES = (
    "Sources differ on the end date; the later one is given.",
    "The personnel figure is the organisers' own estimate.",
    "The place is given as reported; the exact range is not named.",
)
SYLLABLES = ("ka", "ra", "bu", "lak", "tash", "ab", "ad", "ser", "gor", "sk", "ol", "zhan", "ke", "min", "vo", "da")
FIRST_NAMES = ("Aleksandr", "Nurlan", "Bakhtiyor", "Sergey", "Viktor", "Anvar", "Ruslan", "Aram", "Dmitry", "Talgat")
LAST_NAMES = ("Ivanov", "Sadykov", "Karimov", "Petrosyan", "Lukin", "Abdrakhmanov", "Volkov", "Nazarov", "Orlov")
POSITION_TITLES = ("Chief of the Joint Staff", "Deputy Secretary General", "Commander", "Permanent Representative")
RANKS = ("", "Colonel", "Major General", "Lieutenant General", "Colonel General")
DOCUMENT_TITLES = {
    "plan": "Plan of joint training of the command and forces for {year}",
    "programme": "Programme of military-technical cooperation for {year}-{end}",
    "strategy": "Strategy of collective security for {year}-{end}",
    "agreement": "Agreement on the status of formations, {year}",
    "decision": "Decision on the composition of the collective forces, {year}",
    "declaration": "Declaration of the Collective Security Council, {year}",
    "statement": "Statement of the foreign ministers, {year}",
    "budget": "Budget of the Organization for {year}",
}
DOCUMENT_STATUSES = ("adopted", "signed", "in-force", "expired", "planned")
PLACE_KINDS = ("city", "training-range", "military-base", "venue", "region")
PLACE_WEIGHTS = (50, 25, 10, 5, 10)
BOXES = {
    "arm": (39.0, 41.2, 43.5, 46.5),
    "aze": (38.5, 41.8, 45.0, 50.3),
    "blr": (51.5, 55.8, 24.0, 31.5),
    "geo": (41.2, 43.5, 40.0, 46.5),
    "kaz": (41.0, 54.0, 50.0, 85.0),
    "kgz": (39.5, 43.0, 70.0, 80.0),
    "rus": (43.0, 60.0, 30.0, 90.0),
    "tjk": (37.0, 40.8, 68.0, 75.0),
    "uzb": (37.5, 45.0, 56.0, 73.0),
}
"""Rough (south, north, west, east) boxes so the places map looks like the region."""
DEFAULT_BOX = (40.0, 50.0, 55.0, 75.0)
PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}


@dataclass(frozen=True)
class Sizes:
    """How many rows of each generated entity table a package of N events gets."""

    events: int
    sources: int
    places: int
    documents: int
    people: int

    @classmethod
    def for_events(cls, events: int) -> Sizes:
        """The proportions of the brief: ~N sources, N/20 places, N/40 documents, N/100 people."""
        if events < 1:
            raise ValueError("a synthetic package needs at least one event")
        return cls(events, events, max(5, events // 20), max(2, events // 40), max(2, events // 100))


def slug(text: str) -> str:
    """A lower-case id part made of letters, digits and single hyphens.

    >>> slug("Rubezh-2024, stage 2")
    'rubezh-2024-stage-2'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def partial(day: dt.date, precision: str) -> str:
    """`day` written at `precision`, never padded (2025-09 for a month).

    >>> partial(dt.date(2025, 9, 17), "month")
    '2025-09'
    """
    return day.isoformat()[: PRECISION_LENGTH[precision]]


@dataclass(frozen=True)
class _Period:
    start: PartialDate
    end: PartialDate | None


class _Generator:
    """Holds the random state and the rows built so far; one method per table."""

    def __init__(self, real: dict[str, list[Row]], sizes: Sizes, seed: int) -> None:
        self.rng = random.Random(seed)
        self.real = real
        self.sizes = sizes
        self.tables: dict[str, list[Row]] = defaultdict(list)
        self.members = {row["id"]: row for row in real["members"]}
        self.body_ids = {row["id"] for row in real["bodies"]}
        self.series = real["series"]
        self.periods: dict[str, list[_Period]] = defaultdict(list)
        for row in real["memberships"]:
            start = parse_optional(row.get("start", ""))
            if row.get("status") in MEMBER_STATUSES and start:
                self.periods[row["member_id"]].append(_Period(start, parse_optional(row.get("end", ""))))
        self.source_ids: list[str] = []
        self.places_of: dict[str, list[Row]] = defaultdict(list)
        self.event_sources: dict[str, list[str]] = {}

    # -- helpers -------------------------------------------------------------

    def members_on(self, day: PartialDate) -> list[str]:
        """Members on `day` by the validator's own overlap test, so participants always validate."""
        return sorted(
            member
            for member, periods in self.periods.items()
            if any(
                period.start.earliest <= day.latest and (period.end is None or day.earliest <= period.end.latest)
                for period in periods
            )
        )

    def random_day(self, year: int) -> dt.date:
        return dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randrange(365))

    def precision(self) -> str:
        return self.rng.choices(("day", "month", "year"), weights=(82, 14, 4))[0]

    def pick_sources(self, count: int) -> str:
        return ";".join(sorted(set(self.rng.sample(self.source_ids, min(count, len(self.source_ids))))))

    def add_source(self, title: str, published: dt.date) -> str:
        key, publisher, language, kind = self.rng.choice(PUBLISHERS)
        source_id = f"{key}-{published.isoformat()}-{len(self.source_ids):06d}"
        precision = self.rng.choices(("day", "month", ""), weights=(85, 10, 5))[0]
        self.tables["sources"].append(
            {
                "id": source_id,
                "title": title,
                "publisher": publisher,
                "published": partial(published, precision) if precision else "",
                "published_precision": precision,
                "url": f"https://example.org/{key}/{source_id}",
                "language": language,
                "accessed": REFERENCE_DAY.isoformat(),
                "kind": kind,
                "note": "",
            }
        )
        self.source_ids.append(source_id)
        return source_id

    # -- tables --------------------------------------------------------------

    def places(self) -> None:
        members = sorted(self.periods) or sorted(self.members)
        regions: dict[str, list[str]] = defaultdict(list)
        for number in range(self.sizes.places):
            member = self.rng.choice(members)
            kind = "region" if number < len(members) else self.rng.choices(PLACE_KINDS, weights=PLACE_WEIGHTS)[0]
            name = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()
            if kind == "region":
                name += " Region"
            elif kind == "training-range":
                name += " training range"
            place_id = f"{slug(name)}-{number}"
            south, north, west, east = BOXES.get(member, DEFAULT_BOX)
            located = self.rng.random() < 0.8
            row = {
                "id": place_id,
                "name": name,
                "kind": kind,
                "member_id": member,
                "parent_id": self.rng.choice(regions[member]) if kind != "region" and regions[member] else "",
                "latitude": f"{self.rng.uniform(south, north):.3f}" if located else "",
                "longitude": f"{self.rng.uniform(west, east):.3f}" if located else "",
                "coordinate_precision": ({"region": "region", "city": "city"}.get(kind, "site")) if located else "",
                "source_ids": "",  # cited once sources exist (see cite_places)
            }
            self.tables["places"].append(row)
            if kind == "region":
                regions[member].append(place_id)
            else:
                self.places_of[member].append(row)

    def cite_places(self) -> None:
        for row in self.tables["places"]:
            row["source_ids"] = self.pick_sources(1)

    def events(self) -> None:
        years = range(FIRST_YEAR, LAST_YEAR + 1)
        weights = [1 + (year - FIRST_YEAR) / 6 for year in years]
        meetings = [meeting for meeting in MEETINGS if meeting[1] in self.body_ids]
        stages: dict[tuple[str, int], list[str]] = defaultdict(list)
        for number in range(self.sizes.events):
            year = self.rng.choices(years, weights=weights)[0]
            day = self.random_day(year)
            precision = self.precision()
            start = parse_date(partial(day, precision))
            members = self.members_on(start) or sorted(self.members)
            host = self.rng.choice(members)
            place = self.rng.choice(self.places_of[host]) if self.places_of[host] else None
            place_name = place["name"] if place else self.members[host]["name"]
            series = self.rng.choice(self.series) if self.series and self.rng.random() < SERIES_SHARE else None
            if series is not None:
                kind, organizer = series["kind"], series.get("force_id", "")
                edition = stages[(series["id"], year)]
                title = f"{series['name']}-{year}" + (f", stage {len(edition) + 1}" if edition else "")
                title_ru = f"{series['name_ru']}-{year}" if series.get("name_ru") and not edition else ""
                parent = edition[0] if edition and self.rng.random() < 0.3 else ""
                base = series["id"]
            else:
                kind, organizer, template = self.rng.choice(meetings or [("meeting", "", "Meeting in {place}")])
                title, title_ru, parent, base, edition = template.format(place=place_name), "", "", kind, []
            event_id = f"{base}-{year}-{number:05d}"
            edition.append(event_id)
            self.add_event(
                event_id, title, title_ru, kind, series, year, parent, day, precision, host, place, organizer
            )

    def add_event(
        self,
        event_id: str,
        title: str,
        title_ru: str,
        kind: str,
        series: Row | None,
        year: int,
        parent: str,
        day: dt.date,
        precision: str,
        host: str,
        place: Row | None,
        organizer: str,
    ) -> None:
        length = self.rng.randint(5, 40) if kind in LONG_KINDS else self.rng.randint(0, 6)
        last = day + dt.timedelta(days=length)
        end, end_precision = "", ""
        if precision == "day":
            end, end_precision = partial(last, "day"), "day"
        elif precision == "month" and last.month == day.month and self.rng.random() < 0.5:
            end, end_precision = partial(last, "month"), "month"
        if day > REFERENCE_DAY:
            status = self.rng.choices(("planned", "postponed"), weights=(92, 8))[0]
            confirmed = REFERENCE_DAY
        else:
            status = self.rng.choices(("held", "cancelled", "postponed", "ongoing"), weights=(93, 4, 2, 1))[0]
            confirmed = min(last, REFERENCE_DAY)
        sources = [self.add_source(f"{title}: {self.rng.choice(SOURCE_PHRASES)}", min(day, REFERENCE_DAY))]
        if len(self.source_ids) > 1 and self.rng.random() < 0.35:
            sources.append(self.source_ids[self.rng.randrange(len(self.source_ids) - 1)])
        self.event_sources[event_id] = sources
        personnel = kind in EXERCISE_KINDS and self.rng.random() < 0.7
        equipment = personnel and self.rng.random() < 0.5
        qualifiers = ("exact", "about", "more-than", "up-to")
        where = f" at {place['name']}" if place else ""
        summary = f"{title}, hosted by {self.members[host]['name']}{where}. " + " ".join(
            self.rng.sample(SUMMARY_SENTENCES, self.rng.randint(1, 3))
        )
        self.tables["events"].append(
            {
                "id": event_id,
                "title": title,
                "title_ru": title_ru,
                "kind": kind,
                "series_id": series["id"] if series else "",
                "edition_year": str(year) if series else "",
                "number": "",
                "parent_id": parent,
                "start": partial(day, precision),
                "start_precision": precision,
                "end": end,
                "end_precision": end_precision,
                "status": status,
                "status_confirmed": confirmed.isoformat() if self.rng.random() < 0.8 else "",
                "host_id": host,
                "place_id": place["id"] if place else "",
                "organizer_id": organizer,
                "participants_complete": "yes" if status == "held" else "",
                "personnel": str(self.rng.randrange(200, 12000, 50)) if personnel else "",
                "personnel_qualifier": self.rng.choice(qualifiers) if personnel else "",
                "equipment": str(self.rng.randrange(10, 600, 5)) if equipment else "",
                "equipment_qualifier": self.rng.choice(qualifiers) if equipment else "",
                "summary": summary,
                "note": self.rng.choice(NOTES) if self.rng.random() < 0.2 else "",
                "source_ids": ";".join(sorted(set(sources))),
            }
        )
        self.add_links(event_id, parse_date(partial(day, precision)), host, series, organizer, sources[0])

    def add_links(
        self, event_id: str, start: PartialDate, host: str, series: Row | None, organizer: str, source: str
    ) -> None:
        members = [member for member in self.members_on(start) if member != host]
        others = self.rng.sample(members, min(len(members), self.rng.randint(1, 3)))
        rows = [(host, "host")] + [(member, "participant") for member in others]
        outsiders = sorted(set(self.members) - set(members) - {host})
        if outsiders and self.rng.random() < 0.05:
            rows.append((self.rng.choice(outsiders), "observer"))
        for member, role in rows:
            self.tables["event_participants"].append(
                {"event_id": event_id, "member_id": member, "role": role, "note": "", "source_ids": source}
            )
        bodies = {organizer: "organizer"} if organizer else {}
        if series and series.get("force_id"):
            bodies.setdefault(series["force_id"], "participant")
        if not bodies or self.rng.random() < 0.5:
            bodies.setdefault(self.rng.choice(sorted(self.body_ids)), "participant")
        for body, role in bodies.items():
            self.tables["event_bodies"].append(
                {"event_id": event_id, "body_id": body, "role": role, "note": "", "source_ids": source}
            )

    def documents(self) -> None:
        statutory = sorted(body for body in ("csc", "cfm", "cdm", "cssc") if body in self.body_ids)
        event_ids = [row["id"] for row in self.tables["events"]]
        for number in range(self.sizes.documents):
            kind, template = self.rng.choice(sorted(DOCUMENT_TITLES.items()))
            year = self.rng.randint(FIRST_YEAR, LAST_YEAR)
            end = year + self.rng.randint(0, 4)
            adopted = self.random_day(max(FIRST_YEAR, year - 1))
            precision = self.precision()
            title = template.format(year=year, end=end)
            document_id = f"{slug(title)}-{number:05d}"
            self.tables["documents"].append(
                {
                    "id": document_id,
                    "title": title,
                    "title_ru": "",
                    "kind": kind,
                    "period_start": str(year) if "{end}" in template or kind in {"plan", "budget"} else "",
                    "period_end": str(end) if "{end}" in template else "",
                    "adopted": partial(adopted, precision),
                    "adopted_precision": precision,
                    "adopting_body_id": self.rng.choice(statutory) if statutory else "",
                    "status": self.rng.choice(DOCUMENT_STATUSES),
                    "summary": f"{title}. " + self.rng.choice(SUMMARY_SENTENCES),
                    "note": "",
                    "source_ids": self.pick_sources(self.rng.randint(1, 2)),
                }
            )
            for event_id in self.rng.sample(event_ids, min(len(event_ids), self.rng.randint(1, 3))):
                self.tables["event_documents"].append(
                    {
                        "event_id": event_id,
                        "document_id": document_id,
                        "relation": self.rng.choice(("adopted", "signed", "approved", "implements", "discussed")),
                        "source_ids": self.event_sources[event_id][0],
                    }
                )

    def people(self) -> None:
        members = sorted(self.members)
        bodies = sorted(self.body_ids)
        event_ids = [row["id"] for row in self.tables["events"]]
        for number in range(self.sizes.people):
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
            person_id = f"{slug(name)}-{number}"
            self.tables["people"].append(
                {
                    "id": person_id,
                    "name": name,
                    "name_ru": "",
                    "member_id": self.rng.choice(members),
                    "source_ids": self.pick_sources(1),
                }
            )
            start = self.random_day(self.rng.randint(FIRST_YEAR, 2022))
            for post in range(self.rng.randint(1, 2)):
                end = start + dt.timedelta(days=self.rng.randint(200, 2000))
                current = end > REFERENCE_DAY
                self.tables["positions"].append(
                    {
                        "id": f"{person_id}-post-{post + 1}",
                        "person_id": person_id,
                        "title": self.rng.choice(POSITION_TITLES),
                        "body_id": self.rng.choice(bodies),
                        "rank": self.rng.choice(RANKS),
                        "start": partial(start, "day"),
                        "start_precision": "day",
                        "end": "" if current else partial(end, "day"),
                        "end_precision": "" if current else "day",
                        "note": "",
                        "source_ids": self.pick_sources(1),
                    }
                )
                if current:
                    break
                start = end
            roles = ("chair", "leader", "participant", "speaker", "appointed")
            for event_id in self.rng.sample(event_ids, min(len(event_ids), self.rng.randint(5, 35))):
                self.tables["event_people"].append(
                    {
                        "event_id": event_id,
                        "person_id": person_id,
                        "role": self.rng.choice(roles),
                        "note": "",
                        "source_ids": self.event_sources[event_id][0],
                    }
                )


def _copyable(spec: PackageSpec, name: str, copied: set[str]) -> bool:
    """A table can be copied when every table it points to is copied too (or itself)."""
    return all(key.resource in copied or key.resource == name for key in spec.table(name).foreign_keys)


def _real_rows(descriptor: Path) -> dict[str, list[Row]]:
    package = read_package(descriptor)
    return {name: [dict(record.cells) for record in table.file.records] for name, table in package.tables.items()}


def generate_rows(sizes: Sizes, seed: int = 6, source_descriptor: Path = DESCRIPTOR_PATH) -> dict[str, list[Row]]:
    """Every table's rows (not yet written), keyed by table name, for the real schema."""
    spec = load_descriptor(source_descriptor)
    real = _real_rows(source_descriptor)
    generator = _Generator(real, sizes, seed)
    generator.places()
    generator.events()
    generator.cite_places()
    generator.documents()
    generator.people()
    tables: dict[str, list[Row]] = dict(generator.tables)
    copied = {name for name in COPIED_TABLES if name in real}
    for table in spec.tables:
        if table.name in copied or table.name in tables:
            continue
        if table.name != "sources" and _copyable(spec, table.name, copied):
            copied.add(table.name)
    cited: set[str] = set()
    for name in sorted(copied):
        tables[name] = real[name]
        for row in real[name]:
            cited.update(source for source in row.get("source_ids", "").split(";") if source)
    tables["sources"] = [row for row in real.get("sources", []) if row["id"] in cited] + tables.get("sources", [])
    return tables


def write_package(tables: dict[str, list[Row]], target: Path, source_descriptor: Path = DESCRIPTOR_PATH) -> Path:
    """Write the descriptor and every table in canonical form under `target`; returns the descriptor path."""
    target.mkdir(parents=True, exist_ok=True)
    descriptor = target / "datapackage.json"
    raw = json.loads(source_descriptor.read_text(encoding="utf-8"))
    raw["as_of"] = REFERENCE_DAY.isoformat()  # statuses are generated as of the synthetic world's "today"
    descriptor.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    changelog = source_descriptor.parent / "CHANGELOG.md"
    if changelog.exists():
        shutil.copyfile(changelog, target / "CHANGELOG.md")
    spec = load_descriptor(descriptor)
    for table in spec.tables:
        rows = tables.get(table.name, [])
        unknown = {column for row in rows for column in row} - set(table.field_names)
        if unknown:
            raise ValueError(f"the generator writes columns {sorted(unknown)} that {table.name} no longer has")
        records = [Record(line, row) for line, row in enumerate(rows, start=2)]
        path = spec.csv_path(table)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(canonical_text(table, records).encode("utf-8"))
    return descriptor


def generate_package(target: Path, events: int, seed: int = 6, source_descriptor: Path = DESCRIPTOR_PATH) -> Path:
    """Generate a package of `events` events into `target`; returns its `datapackage.json`."""
    tables = generate_rows(Sizes.for_events(events), seed, source_descriptor)
    return write_package(tables, target, source_descriptor)
