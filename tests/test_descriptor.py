"""The published contract: every table and field documented, keyed and constrained."""

from __future__ import annotations

from csto_data.descriptor import load_descriptor
from csto_data.paths import DESCRIPTOR_PATH
from csto_data.validation import validate_package

SPEC = load_descriptor(DESCRIPTOR_PATH)


def test_the_real_package_validates_clean() -> None:
    report = validate_package(DESCRIPTOR_PATH)
    assert [problem.render() for problem in report.problems] == []
    assert report.rows_read["events"] >= 150


def test_every_field_has_a_title_a_description_and_a_type() -> None:
    undocumented = [
        f"{table.name}.{field.name}"
        for table in SPEC.tables
        for field in table.fields
        if not (field.title and field.description and field.type)
    ]
    assert undocumented == []


def test_every_table_has_a_primary_key_and_its_foreign_keys_point_at_keys() -> None:
    for table in SPEC.tables:
        assert table.primary_key, table.name
        for foreign_key in table.foreign_keys:
            target = SPEC.table(foreign_key.resource)
            assert foreign_key.reference_fields == target.primary_key, (table.name, foreign_key)


def test_every_id_column_refers_to_a_table_through_a_foreign_key() -> None:
    loose = [
        f"{table.name}.{field.name}"
        for table in SPEC.tables
        for field in table.fields
        if field.name.endswith("_id")
        and field.name != "source_ids"
        and not any(fk.fields == (field.name,) for fk in table.foreign_keys)
    ]
    assert loose == []


def test_package_metadata_names_licence_version_and_contributors() -> None:
    raw = SPEC.raw
    assert raw["licenses"][0]["name"] == "CC-BY-4.0"
    assert raw["version"].count(".") == 2
    assert raw["contributors"] and raw["title"] and raw["description"]
    for resource in raw["resources"]:
        assert resource["encoding"] == "utf-8"
        assert resource["dialect"]["delimiter"] == ","
