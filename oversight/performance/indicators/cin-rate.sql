-- id: cin-rate
-- title: Children in need per 10,000 children
-- theme: Children in need
-- definition: Children with an open children in need episode on the last day of the
--   period (a referral received and its episode not yet closed), per 10,000 children
--   aged 0 to 17 in the LA. Children on child protection plans and in care are included,
--   as in the CIN census. Each child counts once.
-- source: DfE Children in need statistics, table B1 (children in need at 31 March), rate per 10,000 children
-- unit: rate
-- polarity: neutral
-- numerator: children with an open episode on the last day of the period
-- denominator: children aged 0 to 17 in the LA (ONS mid-year estimate)
-- period: as at
SELECT r.child_id, $end::DATE AS at, TRUE AS counted, NULL AS team_id, NULL AS worker_id,
       'episode open since ' || min(r.received_on) AS event
FROM referral r
WHERE r.received_on <= $end AND (r.closed_on IS NULL OR r.closed_on > $end)
GROUP BY r.child_id
