"""Each page kind rendered from the minimal fixture package, checked for what a reader sees."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from csto_data.exports import jsonld
from csto_data.model import Dataset, load_dataset
from csto_data.site.generate import generate_pages, write_pages
from csto_data.site.page import Page
from csto_data.site.settings import SITE_URL

FEEDS = ("csto-events.atom", "csto-events.ics")  # served from the site root


def pages_of(package_dir: Path) -> dict[str, Page]:
    return {page.path: page for page in generate_pages(load_dataset(package_dir / "datapackage.json"))}


def text(pages: dict[str, Page], path: str) -> str:
    content = pages[path].content
    assert isinstance(content, str)
    return content


def test_event_profile_shows_dates_at_their_precision(package_dir: Path) -> None:
    pages = pages_of(package_dir)
    assert "1–4 October 2024" in text(pages, "events/rubezh-2024.md")
    planned = text(pages, "events/rubezh-2025.md")
    assert "September 2025" in planned
    assert "2025-09-01" not in planned


def test_event_profile_links_participants_series_and_sources(package_dir: Path) -> None:
    page = text(pages_of(package_dir), "events/rubezh-2024.md")
    assert '<a href="../../members/kgz/">Kyrgyzstan</a>' in page
    assert '<a href="../../series/rubezh/">Rubezh</a>' in page
    assert '<a href="../rubezh-2025/">Rubezh-2025</a>' in page
    assert "https://example.org/rubezh-2024" in page
    assert "more than 1,000" in page


def test_event_profile_offers_a_correction_form_and_the_csv_line(package_dir: Path) -> None:
    page = text(pages_of(package_dir), "events/rubezh-2024.md")
    assert "issues/new?template=correction.yml&amp;record=rubezh-2024" in page
    assert "datapackage/data/events.csv#L2" in page
    assert pages_of(package_dir)["events/rubezh-2024.md"].edit_path == "datapackage/data/events.csv"


def test_script_in_a_summary_is_shown_as_text(package_dir: Path) -> None:
    events = package_dir / "data" / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "A joint exercise of the Central Asian forces.",
            "<script>alert(1)</script> [click](javascript:alert(2)) {: onclick=alert(3) }",
        ),
        encoding="utf-8",
    )
    page = text(pages_of(package_dir), "events/rubezh-2024.md")
    front_matter, body = page.split("\n---\n", 1)
    assert "<script>" not in page
    assert '"' not in front_matter.split("description: ")[1].splitlines()[0].strip()[1:-1]
    assert "&#60;script&#62;alert&#40;1&#41;" in body
    assert "](javascript" not in body
    assert "{: onclick" not in body


def test_member_page_shows_membership_history_and_events(package_dir: Path) -> None:
    pages = pages_of(package_dir)
    armenia = text(pages, "members/arm.md")
    assert "Suspended participation" in armenia
    assert "February 2024" in armenia
    tajikistan = text(pages, "members/tjk.md")
    assert '<a href="../../events/rubezh-2024/">Rubezh-2024</a>' in tajikistan
    assert "<td>Host</td>" in tajikistan


def test_plan_glossary_lists_documents_with_adopting_body(package_dir: Path) -> None:
    glossary = text(pages_of(package_dir), "documents/index.md")
    assert '<a href="joint-training-plan-2025/">Plan of joint training for 2025</a>' in glossary
    assert "November 2024" in glossary
    assert '<a href="../bodies/joint-staff/">Joint Staff</a>' in glossary


def test_pages_mark_the_abbreviations_they_use_for_tooltips(package_dir: Path) -> None:
    """A Markdown page defines them for the `abbr` extension; an HTML page marks them itself."""
    events = package_dir / "data" / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "A joint exercise of the Central Asian forces.", "A joint exercise of the CRDF CA."
        ),
        encoding="utf-8",
    )
    pages = pages_of(package_dir)
    expansion = "Collective Rapid Deployment Forces of the Central Asian region"
    assert f"*[CRDF CA]: {expansion}" in text(pages, "glossary.md")
    assert f'the <abbr title="{expansion}">CRDF CA</abbr>.' in text(pages, "events/rubezh-2024.md")
    assert "*[CRDF CA]" not in text(pages, "members/kgz.md")  # definitions only on Markdown pages


def test_data_page_lists_every_file_with_its_checksum(package_dir: Path) -> None:
    pages = pages_of(package_dir)
    page = text(pages, "data.md")
    files = {path: page.content for path, page in pages.items() if path.startswith("download/") or path in FEEDS}
    for path in ("download/data/events.csv", "download/datapackage.json", "download/csto-open-data.zip"):
        assert path in files
    for path, content in files.items():
        assert isinstance(content, bytes)
        assert hashlib.sha256(content).hexdigest() in page, path
        assert f'href="../{path}"' in page, path  # data.md is served as data/
    assert len(files) > 50  # every table in CSV, JSON and Parquet, plus the single-file formats
    assert "event&#95;participants" in page  # the data dictionary names every table


def test_each_source_is_an_entry_on_its_years_page_listing_the_facts_it_supports(package_dir: Path) -> None:
    page = text(pages_of(package_dir), "sources/2025/index.md")
    entry = page.split('<section id="news-2025-09">', 1)[1].split("</section>", 1)[0]
    assert '<a href="../../events/rubezh-2025/">rubezh-2025</a>' in entry
    assert "Address unknown" in entry


def test_a_former_source_page_address_redirects_to_the_sources_entry(package_dir: Path) -> None:
    pages = pages_of(package_dir)
    assert "sources/news-2025-09.md" not in pages  # no page of its own any more
    redirect = text(pages, "sources/news-2025-09/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../2025/#news-2025-09">' in redirect
    assert "<script" not in redirect


def test_citations_link_to_the_sources_entry(package_dir: Path) -> None:
    page = text(pages_of(package_dir), "events/rubezh-2025.md")
    assert '<li><a id="source-1" href="../../sources/2025/#news-2025-09">' in page
    assert '<sup><a href="#source-1">1</a></sup>' in page


def test_every_entity_has_a_page_reachable_from_an_index(package_dir: Path) -> None:
    pages = pages_of(package_dir)
    for index, entity in (
        ("members/index.md", "kgz/"),
        ("series/index.md", "rubezh/"),
        ("bodies/index.md", "joint-staff/"),
        ("people/index.md", "andrei-serdyukov/"),
        ("places/index.md", "harbmaidon-range/"),
        ("documents/index.md", "joint-training-plan-2025/"),
        ("sources/index.md", "2024/#csto-2024-10-01-rubezh"),
        ("events/by-year/2024/index.md", "../../rubezh-2024/"),
    ):
        assert f'href="{entity}"' in text(pages, index), index


def test_generation_is_deterministic_and_can_write_real_files(package_dir: Path, tmp_path: Path) -> None:
    first, second = generate_pages(load_dataset(package_dir / "datapackage.json")), pages_of(package_dir)
    assert [(page.path, page.content) for page in first] == [(path, page.content) for path, page in second.items()]
    write_pages(first, tmp_path / "out")
    assert (tmp_path / "out" / "events" / "rubezh-2024.md").read_text(encoding="utf-8").startswith("---\ntitle:")
    assert (tmp_path / "out" / ".nav.md").exists()


def test_event_profile_says_how_complete_its_participants_are(package_dir: Path) -> None:
    assert "Participants as far as the sources say" in text(pages_of(package_dir), "events/rubezh-2024.md")
    events = package_dir / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("joint-staff,partial,", "joint-staff,yes,"))
    page = text(pages_of(package_dir), "events/rubezh-2024.md")
    assert "All participants" in page
    assert "Participants as far as the sources say" not in page


def test_home_upcoming_lists_planned_events_from_the_as_of_date_only(package_dir: Path) -> None:
    home = text(pages_of(package_dir), "index.md")
    upcoming = home.split("## Upcoming and planned", 1)[1].split("## Latest events", 1)[0]
    assert "rubezh-2025" in upcoming
    descriptor = package_dir / "datapackage.json"
    descriptor.write_text(
        descriptor.read_text(encoding="utf-8").replace('"as_of": "2025-06-01"', '"as_of": "2025-10-01"')
    )
    events = package_dir / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",planned,", ",postponed,"))
    upcoming = text(pages_of(package_dir), "index.md").split("## Upcoming and planned", 1)[1].split("## Latest", 1)[0]
    assert "rubezh-2025" not in upcoming
    assert "No upcoming event is recorded." in upcoming


def jsonld_of(page: str) -> dict[str, object]:
    """The page's schema.org JSON-LD, as MkDocs will read it from the front matter."""
    import yaml

    front_matter = yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))
    result: dict[str, object] = json.loads(front_matter["jsonld"])
    return result


def test_event_pages_carry_schema_org_event_with_dates_at_their_precision(package_dir: Path) -> None:
    pages = pages_of(package_dir)
    held = jsonld_of(text(pages, "events/rubezh-2024.md"))
    assert held["@type"] == "Event" and held["name"] == "Rubezh-2024"
    assert (held["startDate"], held["endDate"]) == ("2024-10-01", "2024-10-04")
    assert held["location"] == {
        "@type": "Place",
        "name": "Harbmaidon range",
        "address": {"@type": "PostalAddress", "addressCountry": "TJ"},
    }
    assert held["organizer"] == {"@type": "Organization", "name": "Joint Staff"}
    assert held["eventStatus"] == "https://schema.org/EventScheduled"
    planned = jsonld_of(text(pages, "events/rubezh-2025.md"))
    assert planned["startDate"] == "2025-09" and "endDate" not in planned


def test_a_script_end_tag_in_a_summary_cannot_close_the_json_ld_block(package_dir: Path) -> None:
    summary = 'Ends here </script><script>alert("x")</script> & <!-- too'
    events = package_dir / "data" / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "A joint exercise of the Central Asian forces.", summary.replace('"', '""').join('""')
        ),
        encoding="utf-8",
    )
    page = text(pages_of(package_dir), "events/rubezh-2024.md")
    front_matter = page.split("\n---\n", 1)[0]
    assert "</script" not in front_matter and "<script" not in front_matter and "<!--" not in front_matter
    assert jsonld_of(page)["description"] == summary


def test_home_and_data_pages_describe_the_dataset_and_every_download(package_dir: Path) -> None:
    pages = pages_of(package_dir)
    files = sorted(path for path in pages if path.startswith("download/") or path in FEEDS)
    for path in ("index.md", "data.md"):
        dataset = jsonld_of(text(pages, path))
        assert dataset["@type"] == "Dataset"
        for key in ("name", "description", "license", "creator", "version", "dateModified", "temporalCoverage"):
            assert dataset[key], (path, key)
        assert dataset["spatialCoverage"] and dataset["variableMeasured"]
        distribution = dataset["distribution"]
        assert isinstance(distribution, list)
        assert sorted(entry["contentUrl"].removeprefix(SITE_URL) for entry in distribution) == files
        for entry in distribution:
            assert entry["contentSize"] == f"{len(pages[entry['contentUrl'].removeprefix(SITE_URL)].content)} B"
        assert all(entry["@type"] == "DataDownload" and entry["encodingFormat"] for entry in distribution)


def test_home_page_links_the_calendar_and_the_feed(package_dir: Path) -> None:
    home = text(pages_of(package_dir), "index.md")
    assert 'href="csto-events.ics"' in home
    assert 'href="csto-events.atom"' in home


def test_dataset_coverage_spans_years_of_starts_known_to_different_precisions() -> None:
    events = [{"start": "2024"}, {"start": "2024-09"}, {"start": "2021-03-02"}, {"start": ""}]
    data = cast(Dataset, SimpleNamespace(tables={"events": events}))
    assert jsonld.temporal_coverage(data) == "2021/2024"


def test_an_event_without_a_confirmation_day_shows_no_empty_parentheses(package_dir: Path) -> None:
    events = package_dir / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",held,2024-10-01,", ",held,,"), encoding="utf-8")
    page = text(pages_of(package_dir), "events/rubezh-2024.md")
    assert "last confirmed )" not in page and "(last confirmed" not in page


def test_an_outside_party_has_a_page_counting_its_contacts_by_year(package_dir: Path) -> None:
    data = package_dir / "data"
    (data / "parties.csv").write_text(
        "id,name,name_ru,abbreviation,kind,iso_alpha3,parent_id,description,source_ids\n"
        "sco,Shanghai Cooperation Organisation,Шанхайская организация сотрудничества,SCO,"
        "international-organization,,,A regional organisation.,csto-2024-10-01-rubezh\n",
        encoding="utf-8",
    )
    (data / "event_parties.csv").write_text(
        "event_id,party_id,role,representative,representative_post,note,source_ids\n"
        "rubezh-2024,sco,observer,Jane Roe,Secretary-General,,csto-2024-10-01-rubezh\n",
        encoding="utf-8",
    )
    pages = pages_of(package_dir)
    party = text(pages, "parties/sco.md")
    assert "<h1" in party and "Shanghai Cooperation Organisation" in party
    assert "<tr><td>2024</td><td>1</td><td>Exercise 1</td></tr>" in party
    assert "Jane Roe, Secretary&#45;General" in party or "Jane Roe, Secretary-General" in party
    assert 'href="../../parties/sco/"' in text(pages, "events/rubezh-2024.md")
    assert "Shanghai Cooperation Organisation" in text(pages, "parties/index.md")
