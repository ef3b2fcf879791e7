-- id: rereferrals
-- title: Re-referrals within 12 months
-- theme: Front door
-- definition: Of the referrals received in the period, the percentage received within 12
--   months of a previous referral about the same child: on or after the same date a year
--   earlier. A previous referral on the same day counts if it was recorded first.
-- source: DfE Children in need statistics, table C1 (re-referrals within 12 months)
-- unit: percent
-- polarity: lower
-- numerator: referrals with a previous referral of the same child in the 12 months before
-- denominator: referrals received in the period
-- period: period
-- headline: yes
SELECT r.child_id, r.received_on AS at,
       EXISTS (
           SELECT 1 FROM referral earlier
           WHERE earlier.child_id = r.child_id AND earlier.id <> r.id
             AND earlier.received_on >= r.received_on - INTERVAL 12 MONTH
             AND (earlier.received_on < r.received_on
                  OR (earlier.received_on = r.received_on AND earlier.id < r.id))
       ) AS counted,
       r.team_id, r.decided_by_id AS worker_id, 'referral received ' || r.received_on AS event
FROM referral r
WHERE r.received_on BETWEEN $start AND $end
