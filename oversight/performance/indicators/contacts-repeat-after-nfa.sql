-- id: contacts-repeat-after-nfa
-- title: Contacts that come back within 4 weeks of no further action
-- theme: Front door
-- definition: Of the contacts decided "no further action" in the period, the percentage
--   followed by another contact about the same child within 28 days of the decision.
--   Only decisions whose 28 days had passed by the end of the period are counted.
-- source: Local
-- unit: percent
-- polarity: lower
-- numerator: those followed by a new contact within 28 days of the decision
-- denominator: contacts decided "no further action" in the period, 28 days or more before its end
-- period: period
SELECT c.child_id, c.decided_on AS at,
       EXISTS (
           SELECT 1 FROM contact later
           WHERE later.child_id = c.child_id
             AND later.received_on > c.decided_on
             AND later.received_on <= c.decided_on + INTERVAL 28 DAY
       ) AS counted,
       c.team_id, c.decided_by_id AS worker_id,
       'no further action ' || c.decided_on AS event
FROM contact c
WHERE c.outcome = 'nfa' AND c.decided_on BETWEEN $start AND $end
  AND c.decided_on + INTERVAL 28 DAY <= $end
