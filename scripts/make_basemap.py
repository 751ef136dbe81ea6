"""Regenerate src/csto_data/site/pictures/basemap.geojson from the world-atlas npm package.

Needs npm (to fetch the pinned package) and Debian's iso-codes (for ISO
3166-1 numeric -> alpha-3). The site build never runs this: it reads the
committed file. Usage: `.venv/bin/python scripts/make_basemap.py`.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

from csto_data.site.pictures.basemap import BASEMAP_PATH
from csto_data.site.pictures.natural_earth import region_subset

PACKAGE, VERSION, FILE = "world-atlas", "2.0.2", "countries-50m.json"
ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-1.json")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", folder], check=True)
        with tarfile.open(Path(folder) / f"{PACKAGE}-{VERSION}.tgz") as archive:
            member = archive.extractfile(f"package/{FILE}")
            assert member is not None
            topology = json.load(member)
    codes = json.loads(ISO_CODES.read_text(encoding="utf-8"))["3166-1"]
    alpha3 = {row["numeric"]: row["alpha_3"].lower() for row in codes}
    provenance = {
        "data": "Natural Earth Admin 0 countries, 1:50m, version 4.1.0 (public domain), https://www.naturalearthdata.com/",
        "package": f"npm {PACKAGE}@{VERSION} ({FILE}), ISC licence, https://github.com/topojson/world-atlas",
        "processing": "scripts/make_basemap.py: clipped to the CSTO region, simplified, rounded to 0.01 degree",
    }
    subset = region_subset(topology, alpha3, provenance)
    BASEMAP_PATH.write_text(json.dumps(subset, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {BASEMAP_PATH} ({BASEMAP_PATH.stat().st_size:,} bytes, {len(subset['features'])} countries)")


if __name__ == "__main__":
    main()
