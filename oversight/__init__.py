"""Oversight: children's services case oversight for English local authorities.

Layers (each imports only those below it):

- foundations: ``timescales`` (working-day calendar and statutory rules), ``codes``
  (DfE code sets as data). No Django.
- records: ``casework`` (the child's journey and the one write path), ``accounts``.
- capabilities: ``synth``, ``performance``, ``quality``, ``inspection``, ``exchange``.
- interfaces: ``web``, ``api``, ``cli``.
"""

__version__ = "0.1.0"
