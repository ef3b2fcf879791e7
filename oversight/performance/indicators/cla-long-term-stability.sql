-- id: cla-long-term-stability
-- title: Long-term placement stability
-- theme: Children in care
-- definition: Of the children aged under 16 on the last day of the period who had then
--   been looked after continuously for at least two and a half years, the percentage who
--   had been in the same placement for at least two years, or who were placed for
--   adoption and whose adoptive placement together with the placement before it had
--   lasted at least two years.
-- source: DfE Children looked after statistics (long-term placement stability)
-- unit: percent
-- polarity: higher
-- numerator: those in the same placement for two years or more (or placed for adoption, as above)
-- denominator: children under 16 looked after continuously for two and a half years or more
-- period: as at
-- headline: yes
WITH long_stay AS (
    SELECT e.id AS episode_id, e.child_id FROM careepisode e JOIN child c ON c.id = e.child_id
    WHERE e.started_on <= $end - INTERVAL 30 MONTH AND (e.ended_on IS NULL OR e.ended_on > $end)
      AND age_on(c.date_of_birth, $end) < 16
),
placed AS (
    SELECT p.episode_id, p.started_on, p.ended_on, p.placement_type,
           lag(p.started_on) OVER (PARTITION BY p.episode_id ORDER BY p.started_on) AS before_on
    FROM placement p WHERE p.episode_id IN (SELECT episode_id FROM long_stay)
),
current AS (
    SELECT * FROM placed WHERE started_on <= $end AND (ended_on IS NULL OR ended_on > $end)
)
SELECT l.child_id, $end::DATE AS at,
       coalesce(cur.started_on <= $end - INTERVAL 2 YEAR
                OR (cur.placement_type LIKE 'A%' AND cur.before_on <= $end - INTERVAL 2 YEAR),
                FALSE) AS counted,
       NULL AS team_id, NULL AS worker_id,
       'in this placement since ' || coalesce(CAST(cur.started_on AS VARCHAR), 'unknown') AS event
FROM long_stay l LEFT JOIN current cur USING (episode_id)
