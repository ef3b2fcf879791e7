-- id: cla-three-placements
-- title: Children in care with three or more placements in the year
-- theme: Children in care
-- definition: Of the children looked after on the last day of the period, the percentage
--   who had three or more placements during the period (every placement open on any day
--   of it, including the one they were in when it began). A change of legal status
--   that leaves the child with the same carers is not a new placement.
-- source: DfE Children looked after statistics (placement stability: three or more placements during the year)
-- unit: percent
-- polarity: lower
-- numerator: children with three or more placements during the period
-- denominator: children looked after on the last day of the period
-- period: period
-- headline: yes
WITH in_care AS (
    SELECT DISTINCT child_id FROM careepisode
    WHERE started_on <= $end AND (ended_on IS NULL OR ended_on > $end)
),
moves AS (
    SELECT child_id, count(DISTINCT stay) AS placements
    FROM placement_stays()
    WHERE started_on <= $end AND (ended_on IS NULL OR ended_on >= $start)
    GROUP BY child_id
)
SELECT i.child_id, $end::DATE AS at, coalesce(m.placements, 0) >= 3 AS counted,
       NULL AS team_id, NULL AS worker_id,
       coalesce(m.placements, 0) || ' placements in the period' AS event
FROM in_care i LEFT JOIN moves m USING (child_id)
