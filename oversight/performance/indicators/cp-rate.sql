-- id: cp-rate
-- title: Children on child protection plans per 10,000 children
-- theme: Child protection
-- definition: Children who were the subject of a child protection plan on the last day
--   of the period, per 10,000 children aged 0 to 17 in the LA. Each child counts once.
-- source: DfE Children in need statistics (children subject to a child protection plan at 31 March), rate per 10,000 children
-- unit: rate
-- polarity: neutral
-- numerator: children on a child protection plan on the last day of the period
-- denominator: children aged 0 to 17 in the LA (ONS mid-year estimate)
-- period: as at
-- headline: yes
SELECT p.child_id, $end::DATE AS at, TRUE AS counted, NULL AS team_id, NULL AS worker_id,
       'child protection plan since ' || min(p.start_on) AS event
FROM plan p
WHERE p.kind = 'cp' AND p.start_on <= $end AND (p.end_on IS NULL OR p.end_on > $end)
GROUP BY p.child_id
