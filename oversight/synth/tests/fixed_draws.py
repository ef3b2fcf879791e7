"""A random stream whose every draw is one value, for hand-built cases of the generator's
choices: which branch each draw takes is then worked out by hand."""

import random


class Always(random.Random):
    """Every ``random()`` is ``value`` (``randint`` and ``choice`` are not fixed)."""

    def __init__(self, value: float) -> None:
        super().__init__(0)
        self.value = value

    def random(self) -> float:
        return self.value
