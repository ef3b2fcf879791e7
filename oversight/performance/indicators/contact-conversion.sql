-- id: contact-conversion
-- title: Contacts that became referrals
-- theme: Front door
-- definition: Of the contacts decided in the period, the percentage whose decision was a
--   referral to children's social care. Very low or very high conversion, or conversion
--   that differs between teams, asks whether thresholds are applied consistently.
-- source: Local
-- unit: percent
-- polarity: neutral
-- numerator: contacts decided in the period with the decision "referral"
-- denominator: contacts decided in the period
-- period: period
SELECT c.child_id, c.decided_on AS at, c.outcome = 'referral' AS counted, c.team_id,
       c.decided_by_id AS worker_id, 'contact decided ' || c.decided_on || ': ' || c.outcome AS event
FROM contact c
WHERE c.decided_on BETWEEN $start AND $end
