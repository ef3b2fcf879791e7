"""How big a local authority to simulate, and for how long."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    """One size of synthetic LA.

    ``population`` is the number of children aged 0-17 living in the LA: the
    denominator of every rate. Only the children who meet children's services get
    records. ``burn_in_years`` of history are simulated before the window so that on
    its first day children are already on plans and in care, as in a real LA; of
    that earlier history only the children still open when the window starts are kept.
    """

    name: str
    population: int
    years: int
    burn_in_years: int
    localities: tuple[str, ...]
    assessment_teams_per_locality: int
    safeguarding_teams_per_locality: int
    children_in_care_teams: int
    care_leaver_teams: int
    children_per_batch: int

    @property
    def description(self) -> str:
        return (
            f"{self.population:,} children, {self.years} years of history, "
            f"{len(self.localities)} localities"
        )


SIZES: dict[str, Size] = {
    size.name: size
    for size in (
        Size(
            name="small", population=6_000, years=2, burn_in_years=6,
            localities=("North", "South"), assessment_teams_per_locality=1,
            safeguarding_teams_per_locality=1, children_in_care_teams=2, care_leaver_teams=1,
            children_per_batch=1_000,
        ),
        Size(
            name="medium", population=40_000, years=3, burn_in_years=6,
            localities=("North", "South", "East"), assessment_teams_per_locality=1,
            safeguarding_teams_per_locality=2, children_in_care_teams=2, care_leaver_teams=1,
            children_per_batch=1_000,
        ),
        Size(
            name="large", population=90_000, years=10, burn_in_years=4,
            localities=("North", "South", "East", "West", "Central"),
            assessment_teams_per_locality=1, safeguarding_teams_per_locality=2,
            children_in_care_teams=5, care_leaver_teams=2, children_per_batch=1_000,
        ),
    )
}  # fmt: skip
