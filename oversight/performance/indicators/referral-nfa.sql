-- id: referral-nfa
-- title: Referrals that resulted in no further action
-- theme: Front door
-- definition: Of the referrals received in the period, the percentage decided "no further
--   action" at the referral stage, without an assessment.
-- source: DfE Children in need statistics, table C1 (referrals with no further action)
-- unit: percent
-- polarity: neutral
-- numerator: referrals received in the period decided "no further action"
-- denominator: referrals received in the period
-- period: period
SELECT r.child_id, r.received_on AS at, r.decision = 'nfa' AS counted, r.team_id,
       r.decided_by_id AS worker_id,
       'referral received ' || r.received_on || ': ' || coalesce(nullif(r.decision, ''), 'not decided') AS event
FROM referral r
WHERE r.received_on BETWEEN $start AND $end
