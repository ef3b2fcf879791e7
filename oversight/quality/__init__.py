"""Quality assurance: audit programmes and samples, case audits and their moderation,
front-door dip-sampling, escalations by CP chairs and IROs.

- ``sampling`` and ``agreement`` are pure (seeded draws; moderation statistics);
- ``models`` and ``services``: what is kept, written through one checked path;
- audit actions and escalations put a deadline on the child's record, so they appear on
  the worker's and the manager's worklists like any other timescale.
"""
