-- id: cla-missing
-- title: Children in care who went missing
-- theme: Children in care
-- definition: Of the children looked after at any time in the period, the percentage who
--   went missing at least once while looked after in the period.
-- source: DfE Children looked after statistics (children who had a missing incident during the year)
-- unit: percent
-- polarity: lower
-- numerator: children with a missing episode that started in the period while they were looked after
-- denominator: children looked after at any time in the period
-- period: period
WITH in_care AS (
    SELECT child_id, max(coalesce(ended_on, $end)) AS last_day FROM careepisode
    WHERE started_on <= $end AND (ended_on IS NULL OR ended_on >= $start)
    GROUP BY child_id
)
SELECT i.child_id, least(i.last_day, $end::DATE) AS at,
       EXISTS (
           SELECT 1 FROM missingepisode m JOIN careepisode e
             ON e.child_id = m.child_id AND m.started_on >= e.started_on
            AND (e.ended_on IS NULL OR m.started_on <= e.ended_on)
           WHERE m.child_id = i.child_id AND m.started_on BETWEEN $start AND $end
       ) AS counted,
       NULL AS team_id, NULL AS worker_id, 'looked after in the period' AS event
FROM in_care i
