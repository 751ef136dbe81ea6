"""One module per page kind; each has `build(site)` yielding its pages.

The pictures on them (maps, the participation grid, series strips, the timeline
chart) are drawn by `csto_data.site.pictures`.

| module | reads | writes |
|---|---|---|
| home | events, members, documents, sources | index.md |
| events | events and their link tables | events/index.md, events/by-year/*, events/timeline.md, events/<id>.md |
| members | members, memberships, chairmanships, event_participants | members/index.md, participation.md, <id>.md |
| documents | documents, event_documents, bodies | documents/index.md (plan glossary), documents/<id>.md, glossary.md |
| series | series, events | series/index.md, series/<id>.md (strips of editions) |
| bodies | bodies, events, documents | bodies/index.md, bodies/<id>.md |
| parties | parties, event_parties, events | parties/index.md, parties/<id>.md (contacts by year) |
| people | people, positions, event_people | people/index.md, people/<id>.md |
| places | places, events | places/index.md (map), places/<id>.md |
| sources | sources + every table's source_ids | sources/index.md, sources/<year>/index.md, page-N.md (entries) |
| source_redirects | sources | sources/<id>/index.html (the former per-source pages) |
| data | every table via `csto_data.exports`; tags | data.md, download/*, download/vX.Y.Z/*, csto-events.atom/.ics |
| retired | retired_ids | a redirect or a withdrawal notice at each retired id's address |
| coverage | events, event_participants, series, places, sources, gaps | coverage.md |
| navigation | all of the above | .nav.md |
"""
