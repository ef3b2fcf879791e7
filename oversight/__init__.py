"""Oversight: children's services case oversight for English local authorities.

Layers (each imports only those below it):

- foundations: ``timescales`` (working-day calendar and statutory rules), ``codes``
  (DfE code sets as data). No Django.
- records: ``casework`` (the child's journey and the one write path), ``accounts``.
- capabilities: ``synth``, ``performance``, ``quality``, ``inspection``, ``exchange``.
- interfaces: ``web``, ``api``, ``cli``.
"""

__version__ = "0.1.0"

import os as _os

# Polars' allocator (jemalloc) keeps memory it has freed for ten seconds by default, so
# that a validation's passing tables pile up in the process's peak memory. Handed back
# after 20 ms, the peak of an SSDA903 return of 27,000 children is about 50 MB lower, at
# no cost in time (docs/validation-speed.md). It must be set before Polars is first imported; a
# setting of the variable's own in the environment is kept.
_os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:20,muzzy_decay_ms:0")
