"""The place map positions dots by coordinates and keeps labels from overlapping."""

from __future__ import annotations

from csto_data.site.svgmap import HEIGHT, WIDTH, map_points


def place(place_id: str, latitude: str, longitude: str) -> dict[str, str]:
    return {"id": place_id, "name": place_id.title(), "latitude": latitude, "longitude": longitude}


def test_points_fit_the_drawing_and_keep_north_up() -> None:
    points = {
        point.place["id"]: point
        for point in map_points(
            [place("moscow", "55.75", "37.62"), place("dushanbe", "38.54", "68.78"), place("nowhere", "", "")], {}
        )
    }
    assert set(points) == {"moscow", "dushanbe"}
    for point in points.values():
        assert 0 <= point.x <= WIDTH and 0 <= point.y <= HEIGHT
    assert points["moscow"].y < points["dushanbe"].y
    assert points["moscow"].x < points["dushanbe"].x


def test_the_busier_of_two_close_places_keeps_its_label() -> None:
    points = {
        point.place["id"]: point
        for point in map_points(
            [place("bishkek", "42.87", "74.61"), place("kant", "42.89", "74.85"), place("moscow", "55.75", "37.62")],
            {"bishkek": 13, "kant": 1},
        )
    }
    assert points["bishkek"].labelled and points["moscow"].labelled
    assert not points["kant"].labelled
