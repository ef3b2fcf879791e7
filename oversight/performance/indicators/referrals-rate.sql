-- id: referrals-rate
-- title: Referrals per 10,000 children
-- theme: Front door
-- definition: Referrals to children's social care received in the period, per 10,000
--   children aged 0 to 17 living in the LA. Each referral counts, so a child referred
--   twice counts twice.
-- source: DfE Children in need statistics, table C1 (referrals), rate per 10,000 children
-- unit: rate
-- polarity: neutral
-- numerator: referrals received in the period
-- denominator: children aged 0 to 17 in the LA (ONS mid-year estimate)
-- period: period
-- headline: yes
SELECT r.child_id, r.received_on AS at, TRUE AS counted, r.team_id,
       r.decided_by_id AS worker_id, 'referral received ' || r.received_on AS event
FROM referral r
WHERE r.received_on BETWEEN $start AND $end
