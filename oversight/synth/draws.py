"""Weighted random choices, prepared once: the generator draws millions of them."""

import random
from bisect import bisect_right
from itertools import accumulate


class Weights:
    """Choices and their relative weights, e.g. ``Weights({"NEG": 50, "EMO": 36})``."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.choices = list(weights)
        self.cumulative = list(accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> str:
        return self.choices[bisect_right(self.cumulative, rng.random() * self.total)]
