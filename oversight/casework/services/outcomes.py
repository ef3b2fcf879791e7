"""Recording what is known at 31 March of a child looked after for the year: the SSDA903
OC2 items (the SDQ, conviction, health checks, substance misuse).

One record a year for each child: recording the year again replaces what was held. The
items the DfE rules would refuse whatever the child's age are refused here; which items
are due at which age is left to the return's rules, as an item may be known before due.
"""

from datetime import date

from oversight.accounts.models import User
from oversight.casework.models import Child, YearOutcomes
from oversight.casework.models.build import build
from oversight.casework.services.children import provenance
from oversight.casework.services.errors import CaseworkError, require_code
from oversight.casework.services.writer import BatchWriter, recorded, writer

ITEMS = (
    "sdq_score", "sdq_reason", "convicted", "health_check", "immunisations", "teeth_check",
    "health_assessment", "substance_misuse", "intervention_received", "intervention_offered",
)  # fmt: skip
SDQ_HIGHEST = 40


@recorded
def record_year_outcomes(
    child: Child,
    *,
    year_end: date,
    sdq_score: int | None = None,
    sdq_reason: str = "",
    convicted: bool | None = None,
    health_check: bool | None = None,
    immunisations: bool | None = None,
    teeth_check: bool | None = None,
    health_assessment: bool | None = None,
    substance_misuse: bool | None = None,
    intervention_received: bool | None = None,
    intervention_offered: bool | None = None,
    by: User | None = None,
    origin: str = "web",
) -> YearOutcomes:
    items = {
        "sdq_score": sdq_score, "sdq_reason": sdq_reason.strip().upper(), "convicted": convicted,
        "health_check": health_check, "immunisations": immunisations, "teeth_check": teeth_check,
        "health_assessment": health_assessment, "substance_misuse": substance_misuse,
        "intervention_received": intervention_received,
        "intervention_offered": intervention_offered,
    }  # fmt: skip
    _check_year_end(child, year_end)
    _check_sdq(sdq_score, items["sdq_reason"])
    _check_interventions(substance_misuse, intervention_received, intervention_offered)
    held = _held(child, year_end)
    if held is not None:
        held.__dict__.update(items)
        writer().update(held, *ITEMS)
        return held
    outcomes = build(YearOutcomes, child=child, year_end=year_end, **items)
    provenance(outcomes, by, origin)
    writer().add(outcomes)
    return outcomes


def _held(child: Child, year_end: date) -> YearOutcomes | None:
    current = writer()
    if isinstance(current, BatchWriter) and current.detached:
        return None  # a detached batch records only children it created: nothing is held
    return YearOutcomes.objects.filter(child_id=child.pk, year_end=year_end).first()


def _check_year_end(child: Child, year_end: date) -> None:
    if (year_end.month, year_end.day) != (3, 31):
        raise CaseworkError("year_end", f"{year_end} is not 31 March: give the year's 31 March")
    born = child.date_of_birth
    if born is not None and year_end < born:
        raise CaseworkError(
            "year_end", f"{year_end} is before the date of birth ({born}); check the year"
        )


def _check_sdq(score: int | None, reason: str) -> None:
    if score is not None and not 0 <= score <= SDQ_HIGHEST:
        raise CaseworkError(
            "sdq_score", f"{score} is not an SDQ score: a score is a whole number from 0 to 40"
        )
    if reason and score is not None:
        raise CaseworkError(
            "sdq_reason", "give a reason only when there is no SDQ score: clear one of the two"
        )
    if reason:
        require_code("sdq_reason", "sdq_reason", reason)


def _check_interventions(misuse: bool | None, received: bool | None, offered: bool | None) -> None:
    if not misuse and (received is not None or offered is not None):
        raise CaseworkError(
            "substance_misuse",
            "an intervention is recorded only for a child with a substance misuse problem: "
            "record the problem, or leave the interventions blank",
        )
    if received and offered is not None:
        raise CaseworkError(
            "intervention_offered",
            "leave 'offered' blank when the child received an intervention",
        )
