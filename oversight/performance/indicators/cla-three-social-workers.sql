-- id: cla-three-social-workers
-- title: Children in care with three or more social workers in the year
-- theme: Children in care
-- definition: Of the children looked after on the last day of the period, the percentage
--   who had three or more social workers during the period: every worker the child was
--   allocated to on any day of it, whether looked after then or not, each counted once.
--   A worker who held the child for no whole day (moved on the day they took over) is not
--   counted.
-- source: DfE Children's social care outcomes and enablers (children looked after at 31 March with 3 or more social workers during the year)
-- unit: percent
-- polarity: lower
-- numerator: children with three or more social workers during the period
-- denominator: children looked after on the last day of the period
-- period: period
-- headline: yes
WITH in_care AS (
    SELECT DISTINCT child_id FROM careepisode
    WHERE started_on <= $end AND (ended_on IS NULL OR ended_on > $end)
),
workers AS (
    SELECT child_id, count(DISTINCT worker_id) AS workers
    FROM allocation
    WHERE worker_id IS NOT NULL AND start_on <= $end AND (end_on IS NULL OR end_on >= $start)
      AND (end_on IS NULL OR end_on > start_on)
    GROUP BY child_id
)
SELECT i.child_id, $end::DATE AS at, coalesce(w.workers, 0) >= 3 AS counted,
       NULL AS team_id, NULL AS worker_id,
       coalesce(w.workers, 0) || ' social workers in the period' AS event
FROM in_care i LEFT JOIN workers w USING (child_id)
