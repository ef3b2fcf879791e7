-- id: cla-rate
-- title: Children in care per 10,000 children
-- theme: Children in care
-- definition: Children looked after on the last day of the period, per 10,000 children
--   aged 0 to 17 in the LA. Each child counts once.
-- source: DfE Children looked after statistics (children looked after at 31 March), rate per 10,000 children
-- unit: rate
-- polarity: neutral
-- numerator: children looked after on the last day of the period
-- denominator: children aged 0 to 17 in the LA (ONS mid-year estimate)
-- period: as at
-- headline: yes
SELECT e.child_id, $end::DATE AS at, TRUE AS counted, NULL AS team_id, NULL AS worker_id,
       'in care since ' || min(e.started_on) AS event
FROM careepisode e
WHERE e.started_on <= $end AND (e.ended_on IS NULL OR e.ended_on > $end)
GROUP BY e.child_id
