"""A reader who follows an old link to a retired id lands on the new page, or learns why it went."""

from __future__ import annotations

from .support import Reader


def test_the_old_address_of_a_merged_event_leads_to_the_event_it_became(retired_reader: Reader) -> None:
    retired_reader.visit("events/rubezh-2025/")
    retired_reader.page.wait_for_url(retired_reader.base_url + "events/rubezh-2024/")
    retired_reader.page.wait_for_load_state("networkidle")
    assert retired_reader.heading() == "Rubezh-2024"


def test_the_old_address_of_a_withdrawn_document_says_when_and_why(retired_reader: Reader) -> None:
    retired_reader.visit("documents/joint-training-plan-2025/")
    assert retired_reader.heading() == "Withdrawn: joint-training-plan-2025"
    article = retired_reader.page.locator("article").inner_text()
    assert "withdrawn on 1 April 2026. No source shows that the plan was adopted." in " ".join(article.split())
    retired_reader.page.get_by_role("link", name="data page").click()
    retired_reader.page.wait_for_load_state("networkidle")
    assert retired_reader.heading() == "Data and downloads"
    assert retired_reader.page.get_by_role("cell", name="0.2.0", exact=True).is_visible()
