-- id: referral-decision-timely
-- title: Referral decisions within one working day
-- theme: Front door
-- definition: Of the referrals whose decision fell due in the period, the percentage
--   decided by the end of the next working day after the referral was received (weekends
--   and England bank holidays do not count). Referrals not yet decided count as late
--   once the day has passed (a decision due on the period's last day and not yet made
--   waits until that day is over). The worker is the manager who decided.
-- source: Local (Working Together to Safeguard Children 2023: a decision within one working day)
-- unit: percent
-- polarity: higher
-- numerator: referrals decided on or before the decision's due date
-- denominator: referrals whose decision was due in the period
-- period: period
-- headline: yes
SELECT r.child_id, r.received_on AS at,
       coalesce(r.decided_on <= r.decision_due, FALSE) AS counted, r.team_id,
       r.decided_by_id AS worker_id,
       'referral received ' || r.received_on || ', due ' || r.decision_due
       || CASE WHEN r.decided_on IS NULL THEN ', not decided' ELSE ', decided ' || r.decided_on END AS event
FROM referral r
WHERE r.decision_due BETWEEN $start AND $end
  AND (r.decided_on IS NOT NULL OR r.decision_due < $end)
