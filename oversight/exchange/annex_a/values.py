"""Coded values as Annex A writes them, and the variants LAs write, read back to codes.

Each coded column has a value map: the code the records hold (a DfE or SSDA903 code,
or Y/N) and Ofsted's label for it ("b) Female", "q) 6: Police", "N1 - Abuse or
neglect"). Reading is forgiving the way real workbooks need (the liia-tools value maps
record the variants LAs use): a label, a bare code ("F", "WBRI", "PR4"), a label with
another letter or separator ("e) PR4 - Private provision"), the DfE description, or a
few plain words ("Police", "Female"). Anything else is unknown, and the reader says
which values it takes. No Django.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from oversight import codes


@dataclass(frozen=True)
class ValueMap:
    id: str
    labels: dict[str, str]  # code -> label, in the template's order
    code_set: str = ""  # the DfE code set whose descriptions are read too
    words: dict[str, str] = field(default_factory=dict)  # regular expression -> code
    aliases: dict[str, str] = field(default_factory=dict)  # other code -> code

    def label(self, code: str | None) -> str | None:
        if code is None or code == "":
            return None
        return self.labels.get(code, code)

    def read(self, value: object) -> str | None:
        """The code for a written value; ``None`` when it is not one of the map's values."""
        text = normalise(str(value))
        return self._by_label.get(text) or self._by_token(text) or self._by_words(text)

    @property
    def accepted(self) -> str:
        return ", ".join(self.labels.values())

    @cached_property
    def _by_label(self) -> dict[str, str]:
        known = {normalise(label): code for code, label in self.labels.items()}
        if self.code_set:
            for entry in codes.code_set(self.code_set):
                if entry.code in self.labels:
                    known.setdefault(normalise(entry.description), entry.code)
        return known

    @cached_property
    def _tokens(self) -> list[tuple[str, str]]:
        pairs = {normalise(c): c for c in self.labels} | {
            normalise(a): c for a, c in self.aliases.items()
        }
        return sorted(pairs.items(), key=lambda pair: -len(pair[0]))

    def _by_token(self, text: str) -> str | None:
        """A code alone, or leading a label ("pr4 - private provision", "6: police")."""
        rest = LETTER.sub("", text, count=1)
        for candidate in dict.fromkeys((text, rest)):
            if found := self._by_label.get(candidate):
                return found
            for token, code in self._tokens:
                if candidate == token or re.match(rf"{re.escape(token)}\s*[:\-)]", candidate):
                    return code
        return None

    def _by_words(self, text: str) -> str | None:
        return next((code for words, code in self.words.items() if re.search(words, text)), None)


LETTER = re.compile(r"^[a-z]{1,2}\)\s*")
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def normalise(text: str) -> str:
    """Lower case, one space between words, plain dashes and quotes, no trailing full stop."""
    text = unicodedata.normalize("NFKC", text).translate(DASHES).replace("\u2019", "'")
    return " ".join(text.casefold().split()).rstrip(".")


def lettered(pairs: list[tuple[str, str]], start: int = 0) -> dict[str, str]:
    """Labels "a) ...", "b) ..." in order, as the template letters them."""
    letters = [chr(ord("a") + i) for i in range(26)] + ["zz"]
    return {code: f"{letters[start + i]}) {text}" for i, (code, text) in enumerate(pairs)}


def _coded(set_id: str, separator: str = " - ") -> dict[str, str]:
    return {entry.code: f"{entry.code}{separator}{entry.description}"
            for entry in codes.code_set(set_id)}  # fmt: skip


def _added(codes_: tuple[str, ...], set_id: str = "placement_type") -> dict[str, str]:
    """Codes the DfE added after the template was made, written "code: description"."""
    described = {entry.code: entry.description for entry in codes.code_set(set_id)}
    return {code: f"{code}: {described[code]}" for code in codes_}


# The SSDA903 placement types new in 2025/26, which Ofsted's template does not list yet.
NEW_PLACEMENT_TYPES = ("K3", "Z11", "Z12", "Z13", "Z14")

YES_NO = ValueMap("yes_no", {"Y": "a) Yes", "N": "b) No"},
                  words={r"^(y|yes|true|1)$": "Y", r"^(n|no|false|0)$": "N"})  # fmt: skip
NFA = ValueMap("nfa", {"Y": "a) Yes", "N": "b) No", "U": "c) Unknown"},
               words={r"^(y|yes)$": "Y", r"^(n|no)$": "N", r"^unknown$": "U"})  # fmt: skip
GENDER = ValueMap(
    "gender", {"1": "a) Male", "2": "b) Female", "0": "c) Not stated/recorded", "9": "d) Neither"},
    code_set="sex", aliases={"M": "1", "F": "2"},
    words={r"^(male|boy|man)$": "1", r"^(female|girl|woman)$": "2",
           r"not (stated|recorded|known)|unknown|unborn": "0", r"neither|indeterminate": "9"},
)  # fmt: skip
ETHNICITY = ValueMap(
    "ethnicity",
    lettered([(c.code, c.code) for c in codes.code_set("ethnicity") if c.code != "REFU"])
    | {"REFU": "t) REFU"},
    code_set="ethnicity", words={r"did not wish|refused": "REFU", r"not (yet )?obtained": "NOBT"},
)  # fmt: skip
SOURCE = ValueMap(
    "source",
    lettered([("1A", "1A: Individual"), ("1B", "1B: Individual"), ("1C", "1C: Individual"),
              ("1D", "1D: Individual"), ("2A", "2A: Schools"), ("2B", "2B: Education services"),
              *[(c, f"{c}: Health services") for c in ("3A", "3B", "3C", "3D", "3E", "3F")],
              ("4", "4: Housing"), *[(c, f"{c}: LA services") for c in ("5A", "5B", "5C")],
              ("6", "6: Police"), ("7", "7: Other legal agency"), ("8", "8: Other"),
              ("9", "9: Anonymous"), ("10", "10: Unknown")])
    | {"5D": "5D: LA services (early help)"},
    code_set="referral_source",
    words={r"police": "6", r"^schools?$": "2A", r"housing": "4", r"anonymous": "9",
           r"^unknown$": "10", r"health visitor": "3B", r"\bgp\b|general practi": "3A",
           r"a ?& ?e\b|accident and emergency": "3E", r"early help": "5D",
           r"^self$": "1C", r"family|relative": "1A"},
)  # fmt: skip
CATEGORY_OF_ABUSE = ValueMap(
    "category_of_abuse",
    lettered([("NEG", "Neglect"), ("PHY", "Physical abuse"), ("SAB", "Sexual abuse"),
              ("EMO", "Emotional abuse"), ("MUL", "Multiple/not recommended")]),
    code_set="category_of_abuse",
    words={r"neglect": "NEG", r"physical": "PHY", r"sexual": "SAB", r"emotional": "EMO",
           r"multiple": "MUL"},
)  # fmt: skip
PRIMARY_NEED = ValueMap("primary_need", _coded("primary_need"), code_set="primary_need")
CLOSURE_REASON = ValueMap("closure_reason", _coded("reason_for_closure"),
                          code_set="reason_for_closure")  # fmt: skip
CASE_STATUS = ValueMap("case_status", lettered([
    ("looked_after", "Looked after child"), ("cp_plan", "Child Protection plan"),
    ("cin_plan", "Child in need plan"), ("open_assessment", "Open assessment"),
    ("closed", "Closed episode")]))  # fmt: skip
LEGAL_STATUS = ValueMap(
    "legal_status",
    {"C1": "C1: ICO", "C2": "C2: FCO", "D1": "D1: Freeing order", "E1": "E1: Placement order",
     "V2": "V2: Single period under S20", "V3": "V3: Short term breaks, episodes recorded",
     "V4": "V4: Short term breaks, agreements recorded",
     "L1": "L1: Police protection LA accommodation", "L2": "L2: EPO",
     "L3": "L3: Child assessment order LA accommodation",
     "J1": "J1: Remanded to LA or youth detention", "J2": "J2: LA accommodation under PACE",
     "J3": "J3: Youth rehabilitation order"},
    code_set="legal_status",
    words={r"interim care order": "C1", r"full care order": "C2", r"placement order": "E1",
           r"\bs(ection)? ?20\b": "V2", r"emergency protection": "L2", r"police": "L1"},
)  # fmt: skip
PLACEMENT_TYPE = ValueMap("placement_type", lettered([
    ("U1", "U1: Foster placement - relatives - long term"),
    ("U2", "U2: Foster placement - relative - FFA"),
    ("U3", "U3: Foster placement - relative - not FFA"),
    ("U4", "U4: Foster placement - long term"), ("U5", "U5: Foster placement - FFA"),
    ("U6", "U6: Foster placement - not FFA"),
    ("A3", "A3: Placed for adoption - consent - current foster"),
    ("A4", "A4: Placed for adoption - consent - not foster"),
    ("A5", "A5: Placed for adoption - order - foster"),
    ("A6", "A6: Placed for adoption - order - not foster"),
    ("P1", "P1: Placed with parents"), ("P2", "P2: Independent living"),
    ("P3", "P3: Residential employment"), ("H5", "H5: Residential accommodation"),
    ("K1", "K1: Secure Children's Homes"), ("K2", "K2: Children's Homes"),
    ("R1", "R1: Residential Care Home"), ("R2", "R2: NHS/Health Trust"),
    ("R3", "R3: Family Centre or Mother and Baby Unit"),
    ("R5", "R5: Young Offender Institution"), ("S1", "S1: Residential school"),
    ("Z1", "Z1: Other placements"), ("T0", "T0: Temporary placement"),
    ("T1", "T1: Temporary placement - hospital"), ("T2", "T2: Temporary placement - holiday"),
    ("T3", "T3: Temporary placement - carer holiday"),
    ("T4", "T4: Temporary placement - seven days or less")]) | _added(NEW_PLACEMENT_TYPES),
    code_set="placement_type")  # fmt: skip
PLACEMENT_PROVIDER = ValueMap("placement_provider", lettered([
    ("PR0", "PR0: Parents/Parental responsibility"), ("PR1", "PR1: Own provision"),
    ("PR2", "PR2: Other LA provision"), ("PR3", "PR3: Other public provision"),
    ("PR4", "PR4: Private provision"), ("PR5", "PR5: Voluntary/third sector")]),
    code_set="placement_provider")  # fmt: skip
REASON_CEASED = ValueMap("reason_ceased", lettered([
    ("E11", "E11: Adopted - application unopposed"), ("E12", "E12: Adopted - consent dispensed"),
    ("E2", "E2: Died"), ("E3", "E3: Care taken by another LA"),
    ("E4A", "E4A: Returned home to live with parents or relatives - part of planning"),
    ("E4B", "E4B: Returned home to live with parents or relatives - not part of planning"),
    ("E13", "E13: Parents, relatives or other with no parental responsibility"),
    ("E41", "E41: Residence order granted"),
    ("E45", "E45: Special Guardianship Orders - former carer relative/friend"),
    ("E46", "E46: Special Guardianship Orders - former carer other"),
    ("E47", "E47: Special Guardianship Orders - relative/friend"),
    ("E48", "E48: Special Guardianship Orders - other"),
    ("E5", "E5: Moved into independent living - supported"),
    ("E6", "E6: Moved into independent living - no support"),
    ("E7", "E7: Transferred to residential care funded by adult social services"),
    ("E9", "E9: Sentenced to custody"), ("E14", "E14: Accommodation on remand ended"),
    ("E15", "E15: Age assessment determined child was 18 or over"),
    ("E16", "E16: Child moved abroad"), ("E8", "E8: Care ceased for any other reason"),
    ("X1", "X1: CodeError"), ("E17", "E17: Aged 18+ and remained with current carers")]),
    code_set="reason_episode_ceased")  # fmt: skip
ELIGIBILITY = ValueMap("eligibility", lettered([
    ("relevant", "Relevant child"), ("former_relevant", "Former relevant child"),
    ("qualifying", "Qualifying care leaver")]))  # fmt: skip
IN_TOUCH = ValueMap(
    "in_touch", lettered([("YES", "Yes"), ("NO", "No"), ("DIED", "Died"), ("REFU", "Refu"),
                          ("NREQ", "NREQ"), ("RHOM", "Rhom")]),
    code_set="care_leaver_in_touch",
    words={r"^y(es)?$": "YES", r"^n(o)?$": "NO", r"died|death": "DIED", r"refus": "REFU"},
)  # fmt: skip
ACCOMMODATION_TYPES = {
    "B": "Parents/relatives",
    "C": "Community home/residential care",
    "D": "Semi-independent, transitional accommodation and self-contained accommodation",
    "E": "Supported lodgings",
    "G": "Abroad",
    "H": "Deported",
    "K": "Ordinary lodgings, without formal support",
    "R": "Residence not known",
    "S": "No fixed abode/homeless",
    "T": "Foyers and similar supported accommodation",
    "U": "Independent living",
    "V": "Emergency accommodation",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "With former foster carers",
}
ACCOMMODATION = ValueMap(
    "accommodation", {code: f"{code}: {text}" for code, text in ACCOMMODATION_TYPES.items()},
    aliases={f"{code}{digit}": code for code in ACCOMMODATION_TYPES for digit in "12"},
)  # fmt: skip
SUITABILITY = ValueMap("suitability", {"S": "a) Suitable", "U": "b) Unsuitable"},
                       words={r"^(suitable|yes|y)$": "S",
                              r"^(unsuitable|not suitable|no|n)$": "U"})  # fmt: skip
ACTIVITY = ValueMap(
    "activity",
    {c: label for c, label in _coded("care_leaver_activity", ": ").items() if c != "0"},
    code_set="care_leaver_activity",
    aliases={"F3": "F5", "P3": "P5"},  # the older "training or employment" codes
)  # fmt: skip
PERMANENCE_PLAN = ValueMap(
    "permanence_plan",
    lettered([("return_to_family", "Return to family"), ("adoption", "Adoption"),
              ("sgo_cao", "SGO/CAO"), ("supported_living", "Supported living in the community"),
              ("residential", "Long-term residential placement"),
              ("long_term_fostering", "Long-term fostering"), ("other", "other")]),
    words={r"return": "return_to_family", r"adopt": "adoption", r"sgo|cao|guardianship":
           "sgo_cao", r"supported living": "supported_living", r"residential": "residential",
           r"fostering": "long_term_fostering", r"^other$": "other"},
)  # fmt: skip
PLACEMENT_LOCATION = ValueMap("placement_location", {"IN": "a) In", "OUT": "b) Out"},
                              words={r"^in": "IN", r"^out": "OUT"})  # fmt: skip
LEAVING_ADOPTION = ValueMap(
    "leaving_adoption",
    {"1": "1 - Adopter withdrew from process", "2": "2 - Process put on hold",
     "3": "3 - Application refused"},
    words={r"withdr": "1", r"hold": "2", r"refus": "3"},
)  # fmt: skip

VALUE_MAPS = {
    m.id: m
    for m in (YES_NO, NFA, GENDER, ETHNICITY, SOURCE, CATEGORY_OF_ABUSE, PRIMARY_NEED,
              CLOSURE_REASON, CASE_STATUS, LEGAL_STATUS, PLACEMENT_TYPE, PLACEMENT_PROVIDER,
              REASON_CEASED, ELIGIBILITY, IN_TOUCH, ACCOMMODATION, SUITABILITY, ACTIVITY,
              LEAVING_ADOPTION, PERMANENCE_PLAN, PLACEMENT_LOCATION)
}  # fmt: skip
