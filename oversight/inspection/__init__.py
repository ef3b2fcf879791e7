"""Inspection: Ofsted's frameworks as data, every LA's inspections, the national picture.

- ``frameworks``: the frameworks, their judgement areas, scales and overall rules (pure);
- ``standing``: an LA's standing on a date and the national picture (pure);
- ``models`` and ``services``: inspections as recorded, through one checked write path;
- ``national``: the national picture read from the records.
"""
