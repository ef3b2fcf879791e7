-- The floor for benchmarks/indicators.py: each indicator's total written by hand as one
-- plain DuckDB aggregate over the snapshot, with none of the runner's generality (no
-- team placement, no child attributes, no units). Each statement gives
-- (numerator, denominator) for $start..$end and follows its indicator's definition.
-- The care leaver and placement statements use the engine's care_leavers and
-- placement_stays macros (birthdays and the status nearest each; stays with carers),
-- which are themselves plain table queries.

-- contacts
SELECT count(*), NULL FROM contact WHERE received_on BETWEEN $start AND $end;
-- contact-conversion
SELECT count(*) FILTER (WHERE outcome = 'referral'), count(*) FROM contact
WHERE decided_on BETWEEN $start AND $end;
-- contacts-repeat-after-nfa
SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM contact l WHERE l.child_id = c.child_id
    AND l.received_on > c.decided_on AND l.received_on <= c.decided_on + INTERVAL 28 DAY)), count(*)
FROM contact c WHERE outcome = 'nfa' AND decided_on BETWEEN $start AND $end
  AND decided_on + INTERVAL 28 DAY <= $end;
-- referrals-rate
SELECT count(*), NULL FROM referral WHERE received_on BETWEEN $start AND $end;
-- rereferrals
SELECT count(*) FILTER (WHERE prev IS NOT NULL AND prev >= received_on - INTERVAL 12 MONTH), count(*)
FROM (SELECT received_on, lag(received_on) OVER (PARTITION BY child_id ORDER BY received_on, id) AS prev
      FROM referral) WHERE received_on BETWEEN $start AND $end;
-- referral-nfa
SELECT count(*) FILTER (WHERE decision = 'nfa'), count(*) FROM referral
WHERE received_on BETWEEN $start AND $end;
-- referral-decision-timely
SELECT count(*) FILTER (WHERE decided_on <= decision_due), count(*) FROM referral
WHERE decision_due BETWEEN $start AND $end AND (decided_on IS NOT NULL OR decision_due < $end);
-- referral-consistency
WITH d AS (SELECT source, primary_need, decision FROM referral
           WHERE decided_on BETWEEN $start AND $end AND decision <> ''),
     u AS (SELECT source, primary_need, mode(decision ORDER BY decision) AS usual FROM d
           GROUP BY ALL HAVING count(*) >= 5)
SELECT count(*) FILTER (WHERE decision <> usual), count(*) FROM d JOIN u USING (source, primary_need);
-- assessment-45wd
SELECT count(*) FILTER (WHERE e.ordinal - s.ordinal <= 45), count(*)
FROM assessment a JOIN calendar s ON s.day = a.started_on JOIN calendar e ON e.day = a.authorised_on
WHERE a.authorised_on BETWEEN $start AND $end;
-- assessment-not-in-need
SELECT count(*) FILTER (WHERE reason_for_closure IN ('RC8', 'RC9') AND assessed), count(*)
FROM referral r LEFT JOIN (SELECT DISTINCT referral_id, TRUE AS assessed FROM assessment
                           WHERE completed_on IS NOT NULL) a ON a.referral_id = r.id
WHERE received_on BETWEEN $start AND $end;

-- cin-rate
SELECT count(DISTINCT child_id), NULL FROM referral
WHERE received_on <= $end AND (closed_on IS NULL OR closed_on > $end);
-- cin-visits-on-time
SELECT count(*) FILTER (WHERE met_on <= due_on), count(*) FROM deadline
WHERE rule = 'cin-visit' AND due_on BETWEEN $start AND $end
  AND NOT (met_on IS NULL AND lapsed_on IS NOT NULL AND lapsed_on <= due_on) AND (met_on IS NOT NULL OR due_on < $end);
-- cin-plans-over-12-months
SELECT count(*) FILTER (WHERE start_on <= $end - INTERVAL 12 MONTH), count(*) FROM plan
WHERE kind = 'cin' AND start_on <= $end AND (end_on IS NULL OR end_on > $end);
-- s47-rate
SELECT count(*), NULL FROM s47enquiry WHERE started_on BETWEEN $start AND $end;
-- icpc-15wd
SELECT count(*) FILTER (WHERE e.ordinal - s.ordinal <= 15), count(*)
FROM conference c JOIN s47enquiry q ON q.id = c.s47_id
JOIN calendar s ON s.day = q.started_on JOIN calendar e ON e.day = c.held_on
WHERE c.kind = 'initial' AND c.held_on BETWEEN $start AND $end;
-- cp-rate
SELECT count(DISTINCT child_id), NULL FROM plan
WHERE kind = 'cp' AND start_on <= $end AND (end_on IS NULL OR end_on > $end);
-- cp-second-time
SELECT count(*) FILTER (WHERE start_on > first_on), count(*) FROM (
    SELECT start_on, min(start_on) OVER (PARTITION BY child_id) AS first_on FROM plan WHERE kind = 'cp')
WHERE start_on BETWEEN $start AND $end;
-- cp-two-years-ended
SELECT count(*) FILTER (WHERE end_on >= start_on + INTERVAL 2 YEAR), count(*) FROM plan
WHERE kind = 'cp' AND end_on BETWEEN $start AND $end;
-- cp-reviews-on-time
WITH late AS (SELECT DISTINCT subject FROM deadline
              WHERE rule IN ('rcpc-first', 'rcpc-next') AND due_on <= $end
                AND (met_on > due_on OR (met_on IS NULL AND (lapsed_on IS NULL OR lapsed_on > due_on))))
SELECT count(*) FILTER (WHERE late.subject IS NULL), count(*)
FROM plan p LEFT JOIN late ON late.subject = 'plan:' || p.id
WHERE p.kind = 'cp' AND p.start_on <= $end - INTERVAL 3 MONTH AND (p.end_on IS NULL OR p.end_on > $end);
-- cp-visits-on-time
SELECT count(*) FILTER (WHERE met_on <= due_on), count(*) FROM deadline
WHERE rule = 'cp-visit' AND due_on BETWEEN $start AND $end
  AND NOT (met_on IS NULL AND lapsed_on IS NOT NULL AND lapsed_on <= due_on) AND (met_on IS NOT NULL OR due_on < $end);
-- seen-alone
SELECT count(*) FILTER (WHERE seen_alone), count(*) FROM visit
WHERE kind IN ('cp', 'cin', 'cla') AND seen AND visited_on BETWEEN $start AND $end;
-- views-recorded
SELECT count(*) FILTER (WHERE views_recorded), count(*) FROM visit
WHERE seen AND visited_on BETWEEN $start AND $end;
-- views-recorded-all-events
SELECT count(*) FILTER (WHERE e.views_recorded), count(*) FROM (
    SELECT child_id, visited_on AS at, views_recorded FROM visit
    WHERE seen AND visited_on BETWEEN $start AND $end
    UNION ALL SELECT child_id, completed_on, views_recorded FROM assessment
    WHERE completed_on BETWEEN $start AND $end
    UNION ALL SELECT child_id, held_on, views_recorded FROM conference
    WHERE held_on BETWEEN $start AND $end
    UNION ALL SELECT child_id, held_on, views_recorded FROM review
    WHERE held_on BETWEEN $start AND $end
) e JOIN child c ON c.id = e.child_id
WHERE c.date_of_birth IS NOT NULL AND c.date_of_birth <= e.at;
-- oversight-in-policy
SELECT count(*) FILTER (WHERE due_on >= $end), count(*) FROM deadline
WHERE rule LIKE 'oversight-%' AND started_on <= $end
  AND (met_on IS NULL OR met_on > $end) AND (lapsed_on IS NULL OR lapsed_on > $end);
-- oversight-on-time
SELECT count(*) FILTER (WHERE met_on IS NOT NULL AND met_on <= due_on), count(*) FROM deadline
WHERE rule LIKE 'oversight-%' AND due_on BETWEEN $start AND $end
  AND (lapsed_on IS NULL OR lapsed_on > due_on);
-- cla-rate
SELECT count(DISTINCT child_id), NULL FROM careepisode
WHERE started_on <= $end AND (ended_on IS NULL OR ended_on > $end);
-- cla-reviews-on-time
SELECT count(*) FILTER (WHERE met_on <= due_on), count(*) FROM deadline
WHERE rule IN ('cla-first-review', 'cla-second-review', 'cla-next-review') AND due_on BETWEEN $start AND $end
  AND NOT (met_on IS NULL AND lapsed_on IS NOT NULL AND lapsed_on <= due_on) AND (met_on IS NOT NULL OR due_on < $end);
-- cla-visits-on-time
SELECT count(*) FILTER (WHERE met_on <= due_on), count(*) FROM deadline
WHERE rule IN ('cla-visit-first', 'cla-visit-first-year', 'cla-visit-long-term') AND due_on BETWEEN $start AND $end
  AND NOT (met_on IS NULL AND lapsed_on IS NOT NULL AND lapsed_on <= due_on) AND (met_on IS NOT NULL OR due_on < $end);
-- cla-three-placements
WITH n AS (SELECT child_id, count(DISTINCT stay) AS placements FROM placement_stays()
           WHERE started_on <= $end AND (ended_on IS NULL OR ended_on >= $start) GROUP BY ALL)
SELECT count(*) FILTER (WHERE placements >= 3), count(*) FROM
  (SELECT DISTINCT child_id FROM careepisode WHERE started_on <= $end AND (ended_on IS NULL OR ended_on > $end))
  LEFT JOIN n USING (child_id);

-- cla-long-term-stability
WITH e AS (SELECT child_id, started_on, ended_on,
                  sum(CASE WHEN lag_end = started_on THEN 0 ELSE 1 END)
                      OVER (PARTITION BY child_id ORDER BY started_on, id) AS spell
           FROM (SELECT *, lag(ended_on) OVER (PARTITION BY child_id ORDER BY started_on, id) AS lag_end
                 FROM careepisode)),
     cared AS (SELECT DISTINCT e.child_id FROM e JOIN child c ON c.id = e.child_id
               JOIN (SELECT child_id, spell, min(started_on) AS since FROM e GROUP BY ALL) s USING (child_id, spell)
               WHERE e.started_on <= $end AND (e.ended_on IS NULL OR e.ended_on > $end)
                 AND s.since <= $end - INTERVAL 30 MONTH AND c.date_of_birth + INTERVAL 16 YEAR > $end),
     st AS (SELECT * FROM placement_stays()),
     now AS (SELECT s.child_id, s.since, s.placement_type, max(b.since) AS before_since
             FROM st s LEFT JOIN st b ON b.child_id = s.child_id AND b.stay = s.stay - 1
             WHERE s.started_on <= $end AND (s.ended_on IS NULL OR s.ended_on > $end) GROUP BY ALL)
SELECT count(*) FILTER (WHERE now.since <= $end - INTERVAL 2 YEAR
                          OR (now.placement_type LIKE 'A%' AND now.before_since <= $end - INTERVAL 2 YEAR)),
       count(*)
FROM cared LEFT JOIN now USING (child_id);

-- cla-missing
SELECT count(*) FILTER (WHERE went_missing), count(*) FROM (
    SELECT e.child_id, bool_or(EXISTS (SELECT 1 FROM missingepisode m WHERE m.child_id = e.child_id
        AND NOT m.away AND m.started_on BETWEEN $start AND $end AND m.started_on >= e.started_on
        AND (e.ended_on IS NULL OR m.started_on <= e.ended_on))) AS went_missing
    FROM careepisode e WHERE e.started_on <= $end AND (e.ended_on IS NULL OR e.ended_on >= $start)
    GROUP BY e.child_id);
-- cla-away
SELECT count(*) FILTER (WHERE went_missing), count(*) FROM (
    SELECT e.child_id, bool_or(EXISTS (SELECT 1 FROM missingepisode m WHERE m.child_id = e.child_id
        AND m.away AND m.started_on BETWEEN $start AND $end AND m.started_on >= e.started_on
        AND (e.ended_on IS NULL OR m.started_on <= e.ended_on))) AS went_missing
    FROM careepisode e WHERE e.started_on <= $end AND (e.ended_on IS NULL OR e.ended_on >= $start)
    GROUP BY e.child_id);
-- cla-health-assessments
SELECT count(*) FILTER (WHERE health_assessment), count(*) FROM yearoutcomes
WHERE year_end BETWEEN $start AND $end;
-- cla-dental-checks
SELECT count(*) FILTER (WHERE teeth_check), count(*) FROM yearoutcomes
WHERE year_end BETWEEN $start AND $end;
-- return-interviews-72h
SELECT count(*) FILTER (WHERE interview_on <= interview_due), count(*) FROM missingepisode
WHERE returned_on BETWEEN $start AND $end AND NOT away;
-- care-leavers-accommodation-17-18
SELECT count(*) FILTER (WHERE suitable), count(*) FROM care_leavers(17, 18, $start, $end);
-- care-leavers-accommodation-19-21
SELECT count(*) FILTER (WHERE suitable), count(*) FROM care_leavers(19, 21, $start, $end);
-- care-leavers-eet-17-18
SELECT count(*) FILTER (WHERE eet), count(*) FROM care_leavers(17, 18, $start, $end);
-- care-leavers-eet-19-21
SELECT count(*) FILTER (WHERE eet), count(*) FROM care_leavers(19, 21, $start, $end);
-- care-leavers-in-touch-17-18
SELECT count(*) FILTER (WHERE in_touch), count(*) FROM care_leavers(17, 18, $start, $end);
-- care-leavers-in-touch-19-21
SELECT count(*) FILTER (WHERE in_touch), count(*) FROM care_leavers(19, 21, $start, $end);
-- pathway-reviews-on-time
SELECT count(*) FILTER (WHERE met_on <= due_on), count(*) FROM deadline
WHERE rule = 'pathway-plan-review' AND due_on BETWEEN $start AND $end
  AND NOT (met_on IS NULL AND lapsed_on IS NOT NULL AND lapsed_on <= due_on) AND (met_on IS NOT NULL OR due_on < $end);
-- caseload
SELECT count(*), count(DISTINCT worker_id) FROM allocation
WHERE worker_id IS NOT NULL AND start_on <= $end AND (end_on IS NULL OR end_on > $end);
