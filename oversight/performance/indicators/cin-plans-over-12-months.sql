-- id: cin-plans-over-12-months
-- title: Child in need plans open 12 months or more
-- theme: Children in need
-- definition: Of the child in need plans open on the last day of the period, the
--   percentage that started 12 months or more before it: plans that may be drifting.
-- source: Local
-- unit: percent
-- polarity: lower
-- numerator: plans that started 12 months or more before the last day of the period
-- denominator: child in need plans open on the last day of the period
-- period: as at
SELECT p.child_id, $end::DATE AS at, p.start_on <= $end - INTERVAL 12 MONTH AS counted,
       NULL AS team_id, NULL AS worker_id, 'child in need plan since ' || p.start_on AS event
FROM plan p
WHERE p.kind = 'cin' AND p.start_on <= $end AND (p.end_on IS NULL OR p.end_on > $end)
