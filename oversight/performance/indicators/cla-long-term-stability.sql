-- id: cla-long-term-stability
-- title: Long-term placement stability
-- theme: Children in care
-- definition: Of the children aged under 16 on the last day of the period who had then
--   been looked after continuously for at least two and a half years, the percentage who
--   had been in the same placement for at least two years, or who were placed for
--   adoption and whose adoptive placement together with the placement before it had
--   lasted at least two years. Care is continuous across episodes that follow one
--   another without a gap, and a change of legal status with the same carers is not a
--   new placement.
-- source: DfE Children looked after statistics (long-term placement stability)
-- unit: percent
-- polarity: higher
-- numerator: those in the same placement for two years or more (or placed for adoption, as above)
-- denominator: children under 16 looked after continuously for two and a half years or more
-- period: as at
-- headline: yes
WITH episodes AS (
    -- A change of legal status or placement ends one episode and starts the next on the
    -- same day; the child is looked after continuously until there is a gap.
    SELECT e.id, e.child_id, e.started_on, e.ended_on,
           coalesce(lag(e.ended_on) OVER same_child = e.started_on, FALSE) AS goes_on
    FROM careepisode e
    WINDOW same_child AS (PARTITION BY e.child_id ORDER BY e.started_on, e.id)
),
spells AS (
    SELECT *, sum(CASE WHEN goes_on THEN 0 ELSE 1 END)
              OVER (PARTITION BY child_id ORDER BY started_on, id) AS spell
    FROM episodes
),
looked_after AS (
    SELECT *, min(started_on) OVER (PARTITION BY child_id, spell) AS since FROM spells
),
long_stay AS (
    SELECT DISTINCT l.child_id FROM looked_after l JOIN child c ON c.id = l.child_id
    WHERE l.started_on <= $end AND (l.ended_on IS NULL OR l.ended_on > $end)
      AND l.since <= $end - INTERVAL 30 MONTH AND age_on(c.date_of_birth, $end) < 16
),
stays AS (
    SELECT * FROM placement_stays() WHERE child_id IN (SELECT child_id FROM long_stay)
),
current AS (
    SELECT s.child_id, s.placement_type, s.since,
           (SELECT min(b.since) FROM stays b
            WHERE b.child_id = s.child_id AND b.stay = s.stay - 1) AS before_since
    FROM stays s
    WHERE s.started_on <= $end AND (s.ended_on IS NULL OR s.ended_on > $end)
)
SELECT l.child_id, $end::DATE AS at,
       coalesce(cur.since <= $end - INTERVAL 2 YEAR
                OR (cur.placement_type LIKE 'A%' AND cur.before_since <= $end - INTERVAL 2 YEAR),
                FALSE) AS counted,
       NULL AS team_id, NULL AS worker_id,
       'in this placement since ' || coalesce(CAST(cur.since AS VARCHAR), 'unknown') AS event
FROM long_stay l LEFT JOIN current cur USING (child_id)
