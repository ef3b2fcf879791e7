"""Synthetic local authority: a deterministic simulation of the child's journey, written
through casework services.

    from oversight.synth import SIZES, PROBLEMS, generate

    report = generate(size="small", seed=1, problems=["missed-cp-visits"])
    report.problem_teams  # {"missed-cp-visits": "Safeguarding North"}

- ``generate``: plan and record an LA up to ``today`` (``generate``);
- ``SIZES``: small (tests), medium (the demo), large (benchmarks) (``sizes``);
- ``PROBLEMS``: practice problems to switch on, each in one team (``problems``);
- the national figures it is tuned to, with their sources (``rates``).
"""

from oversight.synth.generate import GenerationReport, generate
from oversight.synth.problems import PROBLEMS
from oversight.synth.sizes import SIZES

__all__ = ["PROBLEMS", "SIZES", "GenerationReport", "generate"]
