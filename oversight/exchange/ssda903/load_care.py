"""Recording a child's episode rows as the care episodes and placements of the records.

The return has one row per placement within a legal status; the records have care
episodes (one legal status, and how the episode began) holding placements. The rows are
taken in date order:

- a row whose placement the records hold (same child, same first day) is matched: the
  file's values are compared with the records' (a difference is noted, not written);
- a row that begins a period of care (S), or a row after a gap, begins a care episode
  and its care plan;
- a row with a new legal status (L, U, B, or a placement change under another status)
  while the child is looked after begins a care episode with the row's reason, the one
  it follows ending that day (X1), and the care plan runs on: in the placement the child
  is in (L, same type and provider) through ``services.change_legal_status``, else with
  the move through ``services.change_legal_status_and_placement`` (an L or a placement
  change in a new placement is kept as B, and noted);
- a change of placement only (P, T) under the same legal status is a new placement in
  the episode, kept with the reason for the change that the row before gives (the DfE
  puts REASON_PLACE_CHANGE on the row that ends, rule 225); so is the first placement of
  an episode begun with a new legal status and a new placement together (B, U);
- a row that ends (DEC, REC) with no row beginning that day ends the care episode.

A matched placement still open in the records whose row has ended ends it (a later
return brings the end of a placement an earlier one left open). A reason for a placement
change not followed by a move within the episode is noted, not kept. The child's home
postcode is kept on the episode, the placement's postcode and Ofsted URN on the placement
(a matched placement that lacks them gains them; one that differs is noted); one that is
not of a postcode's or a URN's form is noted, not kept, and does not hold the child
back. The category
of need is kept only as a referral's primary need, so a row's need that the child's
referrals do not give is noted. Placements in U1 and U4 are long-term.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from oversight.casework import services
from oversight.casework.models import CareEpisode, Child, Placement
from oversight.casework.services import CaseworkError
from oversight.casework.services.care import NEW_STATUS_AND_PLACEMENT
from oversight.codes.places import written_postcode, written_urn
from oversight.exchange.importing import DIFFERENT
from oversight.exchange.ssda903.care import placement_change
from oversight.exchange.ssda903.load_file import Row

if TYPE_CHECKING:
    from oversight.exchange.ssda903.load_child import ChildImport

LONG_TERM = ("U1", "U4")  # long-term foster placements
PLACEMENT_CHANGES = ("P", "T")
# Where the child lives: the return's items, and the names the services give them.
LOCATION = {"HOME_POST": "home_postcode", "PL_POST": "postcode", "URN": "urn"}
NOT_A_POSTCODE = "is not of a postcode's form (for example AB1 2CD): not kept"
NOT_A_URN = "is not an Ofsted URN (SC and six digits, or six or seven digits), or is given "
NOT_A_URN += "for a placement Ofsted does not register: not kept"
NEED_NOT_HELD = "the records keep a category of need only as a referral's primary need, "
NEED_NOT_HELD += "and the child's referrals do not give this one: not kept"
KEPT_AS = "the records tell a change of carers from a change of placement only by the "
KEPT_AS += "placement type: kept as {code}"
KEPT_AS_NEW_STATUS = "a new legal status begun in a new placement is a new episode for "
KEPT_AS_NEW_STATUS += "reason B or U: kept as {code}"
ENDED_LATER = "the records hold a later placement in this episode: the end is not kept"
REASON_NOT_KEPT = "the records keep a reason for a placement change only with the move to "
REASON_NOT_KEPT += "the next placement in the same episode, and no such move follows: not kept"


class CareImport:
    """One child's episode rows, recorded in date order."""

    def __init__(self, of: ChildImport, child: Child) -> None:
        self.of, self.child, self.stored = of, child, of.stored
        self.episode: CareEpisode | None = None  # the episode of the row being recorded
        self.placement: Placement | None = None
        # Why the last row's episode ended, when the next row began that day (else None).
        self.carried_reason: str | None = None
        self.previous: Row | None = None  # the row recorded before this one
        self.moved = False  # this row was recorded as a move within the episode
        self.matched = False  # this row's placement was already in the records

    def record(self) -> None:
        rows = sorted(self.of.filed.table("episodes"), key=lambda r: (r["DECOM"], r["line"]))
        for number, row in enumerate(rows):
            following = rows[number + 1] if number + 1 < len(rows) else None
            try:
                self._row(row, following)
            except CaseworkError as error:
                raise self.of.refused(error, row) from None
            self._note_reason_not_kept(self.previous, row)
            self.previous = row
        if rows:
            self._note_reason_not_kept(rows[-1], None)

    def _row(self, row: Row, following: Row | None) -> None:
        found = self.stored.placement_from(self.child.pk, row["DECOM"])
        self.moved, self.matched = False, found is not None
        if found is not None:
            self.episode, self.placement = found
            self._compare(row)
        else:
            self._begin(row)
        self._end(row, following)
        self._note_not_held(row)

    # Beginning ---------------------------------------------------------------------------

    def _begin(self, row: Row) -> None:
        open_episode = self.stored.episode_open_on(self.child.pk, row["DECOM"])
        # The last row's episode ends the day this one begins, however this one begins.
        ending_today = self.carried_reason is not None and open_episode is self.episode
        if row["RNE"] == "S" and open_episode is not None and not ending_today:
            raise CaseworkError("started_on", f"the records hold a period of care open on this "
                                f"day, from {open_episode.started_on:%d/%m/%Y}: a new one "
                                "cannot begin inside it")  # fmt: skip
        # A placement change under another legal status begins an episode, as L, U and B do.
        same_status = open_episode is not None and open_episode.legal_status == row["LS"]
        if open_episode is not None and same_status and row["RNE"] in PLACEMENT_CHANGES:
            self._move(open_episode, row)
            return
        if open_episode is not None and self._same_placement(open_episode, row):
            self._new_legal_status(open_episode, row)
            return
        if open_episode is not None and self._continues(open_episode, row):
            self._new_legal_status_and_placement(open_episode, row)
            return
        if open_episode is not None:
            self._end_episode(open_episode, row, self.carried_reason or "X1")
        self._start_episode(row)

    def _same_placement(self, episode: CareEpisode, row: Row) -> bool:
        """A row that begins a new legal status (L) in the placement the child is in, with
        the episode before ending in no more than that (X1)."""
        current = self.stored.current_placement(episode)
        return (
            row["RNE"] == "L" and self.carried_reason in (None, "X1") and current is not None
            and current.ended_on is None and episode.legal_status != row["LS"]
            and (current.placement_type, current.provider) == (row["PLACE"],
                                                               row["PLACE_PROVIDER"] or "")
        )  # fmt: skip

    def _continues(self, episode: CareEpisode, row: Row) -> bool:
        """A row that begins a new legal status with a new placement (B, U, or L or a
        placement change in another placement), the episode before ending in no more
        than that (X1): the child is still looked after."""
        current = self.stored.current_placement(episode)
        return (
            row["RNE"] != "S" and self.carried_reason in (None, "X1")
            and episode.legal_status != row["LS"]
            and current is not None and current.ended_on is None
        )  # fmt: skip

    def _new_legal_status_and_placement(self, episode: CareEpisode, row: Row) -> None:
        """The care plan runs on; the move keeps the reason the row before gives."""
        current = self.stored.current_placement(episode)
        assert current is not None
        began = row["RNE"] if row["RNE"] in NEW_STATUS_AND_PLACEMENT else "B"
        where = self._location(row)
        following, placement = services.change_legal_status_and_placement(
            episode, current, on=row["DECOM"], legal_status=row["LS"],
            placement_type=row["PLACE"], reason_new_episode=began,
            change_reason=self._reason_for_change(), provider=row["PLACE_PROVIDER"] or "",
            long_term=row["PLACE"] in LONG_TERM, origin=self.of.origin(row),
            postcode=where["postcode"], urn=where["urn"],
        )  # fmt: skip
        if began != row["RNE"]:
            self.of.note("RNE", KEPT_AS_NEW_STATUS.format(code=began), row)
        self.moved = True
        self._followed(episode, following, placement, row, where)

    def _new_legal_status(self, episode: CareEpisode, row: Row) -> None:
        """The child is still looked after, in the same placement: the care plan runs on."""
        current = self.stored.current_placement(episode)
        assert current is not None
        following, placement = services.change_legal_status(
            episode, current, on=row["DECOM"], legal_status=row["LS"], origin=self.of.origin(row)
        )
        self._followed(episode, following, placement, row)

    def _followed(self, episode: CareEpisode, following: CareEpisode, placement: Placement,
                  row: Row, where: dict[str, str] | None = None) -> None:  # fmt: skip
        """Keep and count the episode that follows ``episode``, and its placement."""
        if episode.pk not in self.stored.new_episodes:  # a change to what the records held
            self.of.created["care_episodes_ended"] += 1
        self.stored.add_following_episode(following, placement)
        self.episode, self.placement = following, placement
        self.of.created["care_episodes"] += 1
        self.of.created["placements"] += 1
        self._compare_location(row, following, placement, where)

    def _start_episode(self, row: Row) -> None:
        # A new placement begun with a new legal status keeps why the child moved.
        moved = row["RNE"] in NEW_STATUS_AND_PLACEMENT and self.carried_reason is not None
        episode, placement, plan = services.start_care_episode(
            self.child, started_on=row["DECOM"], legal_status=row["LS"],
            placement_type=row["PLACE"], reason_new_episode=row["RNE"],
            provider=row["PLACE_PROVIDER"] or "", long_term=row["PLACE"] in LONG_TERM,
            change_reason=self._reason_for_change() if moved else "", origin=self.of.origin(row),
            **self._location(row),
        )  # fmt: skip
        self.moved = moved
        self.stored.add_episode(episode, placement, plan)
        self.episode, self.placement = episode, placement
        self.of.created["care_episodes"] += 1
        self.of.created["placements"] += 1

    def _move(self, episode: CareEpisode, row: Row) -> None:
        current = self.stored.current_placement(episode)
        if current is None:
            raise CaseworkError("on", "the records hold no placement in the episode to move from")
        placement = services.change_placement(
            episode, current, on=row["DECOM"], placement_type=row["PLACE"],
            change_reason=self._reason_for_change(), provider=row["PLACE_PROVIDER"] or "",
            long_term=row["PLACE"] in LONG_TERM, origin=self.of.origin(row),
            **self._location(row, home=False),
        )  # fmt: skip
        self.moved = True
        self.stored.add_placement(episode, placement)
        self.episode, self.placement = episode, placement
        self.of.created["placements"] += 1
        if placement_change(row["PLACE"]) != row["RNE"]:
            self.of.note("RNE", KEPT_AS.format(code=placement_change(row["PLACE"])), row)

    # Ending ------------------------------------------------------------------------------

    def _end(self, row: Row, following: Row | None) -> None:
        ended, reason = row["DEC"], row["REC"]
        self.carried_reason = None
        if ended is None:
            return
        if following is not None and following["DECOM"] == ended:
            self.carried_reason = reason or "X1"  # the next row ends the episode, or moves on
            return
        episode, placement = self.episode, self.placement
        assert episode is not None and placement is not None
        if episode.ended_on is not None or placement.ended_on is not None:
            held = (episode.ended_on, episode.reason_ceased)
            if placement.ended_on != ended or held != (ended, reason):
                self.of.note("DEC", ENDED_LATER if episode.ended_on is None else DIFFERENT, row)
            return
        self._end_episode(episode, row, reason, ended)

    def _end_episode(self, episode: CareEpisode, row: Row, reason: str,
                     ended: date | None = None) -> None:  # fmt: skip
        current = self.stored.current_placement(episode)
        plan = self.stored.care_plan(episode)
        if current is None or plan is None:
            raise CaseworkError("ended_on", "the records hold no placement or care plan for the "
                                "episode this row ends")  # fmt: skip
        services.end_care_episode(episode, current, plan, ended_on=ended or row["DECOM"],
                                  reason_ceased=reason)  # fmt: skip
        if episode.pk not in self.stored.new_episodes:  # a change to what the records held
            self.of.created["care_episodes_ended"] += 1

    # Comparing and noting ----------------------------------------------------------------

    def _compare(self, row: Row) -> None:
        episode, placement = self.episode, self.placement
        assert episode is not None and placement is not None
        first = self.stored.placements[episode.pk][0] is placement
        began = episode.reason_new_episode if first else placement_change(placement.placement_type)
        in_file_and_held = {
            "RNE": (row["RNE"], began), "LS": (row["LS"], episode.legal_status),
            "PLACE": (row["PLACE"], placement.placement_type),
            "PLACE_PROVIDER": (row["PLACE_PROVIDER"] or "", placement.provider),
        }  # fmt: skip
        for name, (in_file, held) in in_file_and_held.items():
            if in_file != held:
                self.of.note(name, DIFFERENT, row)
        self._compare_location(row, episode, placement)

    def _compare_location(self, row: Row, episode: CareEpisode, placement: Placement,
                          given: dict[str, str] | None = None) -> None:  # fmt: skip
        """What the records lack of where the child lives is added; a difference is noted.
        ``given`` is the row's ``_location``, when it was read before."""
        given = self._location(row) if given is None else given
        held = {"home_postcode": episode.home_postcode, "postcode": placement.postcode,
                "urn": placement.urn}  # fmt: skip
        lacking = {}
        for name, item in LOCATION.items():
            value = given[item]
            if value and not held[item]:
                lacking[item] = value
            elif value and value != held[item]:
                self.of.note(name, DIFFERENT, row)
        if lacking:
            services.record_placement_location(placement, **lacking)

    def _location(self, row: Row, home: bool = True) -> dict[str, str]:
        """The row's postcodes and URN as the records keep them; one not of its form is
        noted and left out."""
        found = {}
        for name, item in LOCATION.items():
            if item == "home_postcode" and not home:
                continue
            text = row[name] or ""
            try:
                if item == "urn":
                    found[item] = written_urn(text, row["PLACE"] or "")
                else:
                    found[item] = written_postcode(text)
            except ValueError:
                self.of.note(name, NOT_A_URN if item == "urn" else NOT_A_POSTCODE, row)
                found[item] = ""
        return found

    def _reason_for_change(self) -> str:
        """The reason the row before gives for the change to this row's placement."""
        return (self.previous or {}).get("REASON_PLACE_CHANGE") or ""

    def _note_reason_not_kept(self, before: Row | None, row: Row | None) -> None:
        """A reason for a change given on ``before`` that ``row`` did not record as a move
        (a row matched with the records keeps what they hold)."""
        if before is None or not before["REASON_PLACE_CHANGE"]:
            return
        if row is None or not (self.moved or self.matched):
            self.of.note("REASON_PLACE_CHANGE", REASON_NOT_KEPT, before)

    def _note_not_held(self, row: Row) -> None:
        assert self.episode is not None
        if row["CIN"] is not None and row["CIN"] != self.stored.category_of_need(self.episode):
            self.of.note("CIN", NEED_NOT_HELD, row)
