"""A synthetic child's home and placements have real postcodes (the ONS Postcode
Directory): home in the synthetic LA, placements inside it or in other LAs of England,
and URNs of made-up provisions, as the DfE's rules want them: a placement apart from
home but with parents, XXXXXXX for a placement Ofsted does not register, one postcode a
provision."""

import random
from types import SimpleNamespace

import pytest

from oversight.codes.places import written_postcode, written_urn
from oversight.codes.postcode_directory import PostcodeDirectory
from oversight.synth.places import OWN_FOSTERING, SYNTHETIC_LA, Places


def places(seed: int = 1) -> Places:
    return Places(random.Random(seed), locality=2)


@pytest.fixture(scope="module")
def directory() -> PostcodeDirectory:
    return PostcodeDirectory()


def test_the_home_is_in_the_childs_locality_and_placements_away_from_it(directory):
    homes, placed = set(), []
    for seed in range(200):
        child = places(seed)
        assert written_postcode(child.home) == child.home
        homes.add(child.home.split(" ")[0])
        for kind, provider in (("U6", "PR1"), ("U4", "PR4"), ("K2", "PR4"), ("T1", "")):
            where = child.where(kind, provider)
            assert where["postcode"] != child.home
            assert written_urn(where["urn"], kind) == where["urn"]
            placed.append(where["postcode"])
    assert len(homes) == 1  # one district: the locality's
    found = directory.find([*(places(seed).home for seed in range(20)), *placed])
    las = dict(found.select("postcode", "la").iter_rows())
    assert len(las) == len(
        {p.replace(" ", "") for p in placed}
        | {places(seed).home.replace(" ", "") for seed in range(20)}
    )  # every one is real
    assert {las[places(seed).home.replace(" ", "")] for seed in range(20)} == {SYNTHETIC_LA}
    outside = sum(las[p.replace(" ", "")] != SYNTHETIC_LA for p in placed)
    assert 0.2 < outside / len(placed) < 0.8  # inside and outside the LA, as OUTSIDE_SHARE


def test_with_parents_is_at_home_and_has_no_urn():
    child = places()
    assert child.where("P1", "PR0") == {"postcode": child.home, "urn": "XXXXXXX"}
    assert child.where("T0", "")["urn"] == "XXXXXXX"


def test_own_foster_carers_share_the_services_urn_and_a_home_keeps_its_postcode():
    child = places()
    carers = [child.where("U6", "PR1") for _ in range(20)]
    assert {c["urn"] for c in carers} == {OWN_FOSTERING} and len(
        {c["postcode"] for c in carers}
    ) > 10
    homes = [child.where("K2", "PR4") for _ in range(200)]
    by_urn: dict[str, set[str]] = {}
    for home in homes:
        by_urn.setdefault(home["urn"], set()).add(home["postcode"])
    assert all(len(postcodes) == 1 for postcodes in by_urn.values())


def test_a_placement_for_adoption_with_the_foster_carers_stays_where_they_are():
    current = SimpleNamespace(postcode="RG1 4DG", urn=OWN_FOSTERING)
    assert places().where("A5", "PR1", current) == {"postcode": "RG1 4DG", "urn": OWN_FOSTERING}


def test_the_las_own_homes_are_in_the_la_but_its_foster_carers_may_not_be(directory):
    # The DfE's rule 1015: own provision (PR1) in the LA, but for foster care, adoption
    # and supported accommodation.
    own_homes = [places(seed).where("K2", "PR1") for seed in range(50)]
    carers = [places(seed).where("U4", "PR1") for seed in range(200)]
    found = dict(directory.find([p["postcode"] for p in own_homes + carers])
                 .select("postcode", "la").iter_rows())  # fmt: skip
    assert {found[h["postcode"].replace(" ", "")] for h in own_homes} == {SYNTHETIC_LA}
    assert {h["urn"][:4] for h in own_homes} == {"SC93"}
    assert any(found[c["postcode"].replace(" ", "")] != SYNTHETIC_LA for c in carers)
