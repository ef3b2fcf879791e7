"""Synthetic people: children's profiles, names and school details, and the names of
workers and adopters.

Names are drawn from short lists of common first and last names, so no record
describes a real person. Profiles follow the national patterns in ``rates``. A child who
has started school has a unique pupil number made from the child's place in the arrivals
(so no two children share one), with a check letter as the DfE's rules work it out.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from oversight.codes.upn import make_upn
from oversight.synth.draws import Weights
from oversight.synth.rates import ETHNICITY_WEIGHTS

GIRLS = (
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
    "Grace", "Freya", "Ella", "Evie", "Poppy", "Willow", "Aisha", "Maryam", "Zara", "Hannah",
    "Chloe", "Jessica", "Ruby", "Emily", "Amira", "Layla", "Nia", "Maya", "Leah", "Esme",
)  # fmt: skip
BOYS = (
    "Noah", "Oliver", "George", "Arthur", "Leo", "Harry", "Oscar", "Archie", "Jack", "Charlie",
    "Freddie", "Theo", "Muhammad", "Alfie", "Jacob", "Thomas", "Joshua", "Ibrahim", "Kai",
    "Ethan", "Riley", "Mason", "Logan", "Yusuf", "Adam", "Daniel", "Tyler", "Jayden", "Ali",
    "Reuben",
)  # fmt: skip
ADULTS = (
    "Sam", "Alex", "Jo", "Chris", "Nicola", "Sarah", "David", "Rachel", "Mark", "Helen",
    "Paul", "Claire", "James", "Emma", "Priya", "Tom", "Anna", "Gareth", "Fatima", "Lisa",
    "Kwame", "Rebecca", "Simon", "Laura", "Imran", "Kate", "Andrew", "Sinead", "Marcus", "Beth",
)  # fmt: skip
# The names in ADULTS that a man or a woman goes by (Sam and Alex either), for adopters.
MENS_NAMES = (
    "Sam", "Alex", "Chris", "David", "Mark", "Paul", "James", "Tom", "Gareth", "Kwame",
    "Simon", "Imran", "Andrew", "Marcus",
)  # fmt: skip
WOMENS_NAMES = (
    "Sam", "Alex", "Jo", "Nicola", "Sarah", "Rachel", "Helen", "Claire", "Emma", "Priya",
    "Anna", "Fatima", "Lisa", "Rebecca", "Laura", "Kate", "Sinead", "Beth",
)  # fmt: skip
SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper",
    "Hill", "Ward", "Hughes", "Khan", "Ahmed", "Hussain", "Begum", "Ali", "Okafor", "Mensah",
    "Nowak", "Kowalski", "Murphy", "Kelly", "Campbell", "Moore", "King", "Baker", "Lewis",
    "Shah", "Mahmood", "Ellis", "Price",
)  # fmt: skip

# Assumption: the ages of children at their first contact, by single year of age,
# shaped like the CIN census age bands (a peak under 1, most at 10-15, fewer at 16-17).
AGE_WEIGHTS = (6.0, 4.3, 4.3, 4.3, 4.3, 4.8, 4.8, 4.8, 4.8, 4.8, 6.3, 6.3, 6.3, 6.3, 6.3,
               6.3, 5.0, 3.5)  # fmt: skip
# Assumption: about one child in eight in need has a disability recorded.
DISABILITY_SHARE = 0.12
DISABILITIES = Weights({"AUT": 30, "LD": 25, "COMM": 15, "BEH": 15, "MOB": 5, "HEAR": 3,
                        "VIS": 3, "PC": 2, "DDA": 2})  # fmt: skip
UASC_ETHNICITIES = Weights({"OOTH": 45, "BAFR": 30, "AOTH": 20, "BOTH": 5})
ETHNICITIES = Weights(ETHNICITY_WEIGHTS)
AGES = Weights({str(age): weight for age, weight in enumerate(AGE_WEIGHTS)})
# The synthetic LA stands in for the demo's LA, Reading (E06000038): its schools' UPNs
# carry Reading's DfE number.
LA_NUMBER = "870"
FEMALE = "2"
# Assumption: about one girl in fifty looked after at 14 or over is herself a mother (the
# SSDA903 counts a few hundred mothers among the girls aged 12 to 17 looked after).
MOTHER_SHARE = 0.02


@dataclass(frozen=True, slots=True)
class ChildProfile:
    """Who a child is, fixed when the child first comes to the front door."""

    index: int  # arrival order among every child simulated: the key to the child's seeds
    arrival: date
    born: date
    sex: str
    ethnicity: str
    disabilities: str
    uasc: bool
    locality: int
    slot: float  # picks the child's team when a locality has more than one of a kind

    def birthday(self, age: int) -> date:
        """The day the child turns ``age`` (29 February birthdays fall on 1 March)."""
        try:
            return self.born.replace(year=self.born.year + age)
        except ValueError:
            return date(self.born.year + age, 3, 1)

    def age_on(self, day: date) -> int:
        born = self.born
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def make_child(
    rng: random.Random, index: int, arrival: date, localities: int, uasc: bool = False
) -> ChildProfile:
    if uasc:
        age = rng.choice((15, 16, 16, 16, 17, 17))
        sex = "1" if rng.random() < 0.93 else "2"
        ethnicity = UASC_ETHNICITIES.draw(rng)
    else:
        age = int(AGES.draw(rng))
        sex = rng.choice("12")
        ethnicity = ETHNICITIES.draw(rng)
    born = arrival - timedelta(days=age * 365 + rng.randrange(365))
    disabilities = DISABILITIES.draw(rng) if rng.random() < DISABILITY_SHARE else "NONE"
    return ChildProfile(
        index=index, arrival=arrival, born=born, sex=sex, ethnicity=ethnicity,
        disabilities=disabilities, uasc=uasc, locality=rng.randrange(localities),
        slot=rng.random(),
    )  # fmt: skip


def school_start(born: date) -> date:
    """1 September of the school year in which a child turns 5: the start of reception."""
    return date(born.year + (5 if born.month >= 9 else 4), 9, 1)


def pupil_number(profile: ChildProfile, today: date) -> str:
    """The child's UPN; none before school starts, nor for an unaccompanied asylum seeker
    (who has never attended a school in England)."""
    started = school_start(profile.born)
    if profile.uasc or started > today:
        return ""
    school, serial = divmod(profile.index, 1000)
    return make_upn(LA_NUMBER, 2000 + school, started.year, serial)


def motherhood(
    rng: random.Random, profile: ChildProfile, looked_after_from_12: bool, today: date
) -> tuple[bool | None, date | None]:
    """Whether a girl looked after at 12 or over is a mother, and her first child's birth
    date; unknown (``None``) for anyone else."""
    if profile.sex != FEMALE or not looked_after_from_12 or profile.age_on(today) < 12:
        return None, None
    if profile.age_on(today) < 14 or rng.random() >= MOTHER_SHARE:
        return False, None
    earliest = profile.birthday(13)
    return True, earliest + timedelta(days=rng.randrange((today - earliest).days))


def child_name(rng: random.Random, sex: str) -> tuple[str, str]:
    return rng.choice(BOYS if sex == "1" else GIRLS), rng.choice(SURNAMES)


def worker_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(ADULTS), rng.choice(SURNAMES)


def adult_first_name(rng: random.Random, sex: str) -> str:
    return rng.choice(MENS_NAMES if sex == "1" else WOMENS_NAMES)
