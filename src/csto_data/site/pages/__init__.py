"""One module per page kind; each has `build(site)` yielding its pages.

| module | reads | writes |
|---|---|---|
| home | events, members, documents, sources | index.md |
| events | events and their link tables | events/index.md, events/by-year/*, events/timeline.md, events/<id>.md |
| members | members, memberships, chairmanships, event_participants | members/index.md, members/<id>.md |
| documents | documents, event_documents, bodies | documents/index.md (plan glossary), documents/<id>.md, glossary.md |
| series | series, events | series/index.md, series/<id>.md |
| bodies | bodies, events, documents | bodies/index.md, bodies/<id>.md |
| people | people, positions, event_people | people/index.md, people/<id>.md |
| places | places, events | places/index.md (map), places/<id>.md |
| sources | sources + every table's source_ids | sources/index.md, sources/<year>/index.md, page-N.md (entries) |
| source_redirects | sources | sources/<id>/index.html (the former per-source pages) |
| data | datapackage.json, the CSV files | data.md, download/* |
| coverage | events, series, places, sources | coverage.md |
| navigation | all of the above | .nav.md |
"""
