-- id: contacts
-- title: Contacts received
-- theme: Front door
-- definition: Contacts received by the front door in the period: every request for help
--   or concern about a child, whatever was decided about it.
-- source: Local
-- unit: count
-- polarity: neutral
-- numerator: contacts received in the period
-- denominator: none (a count)
-- period: period
SELECT c.child_id, c.received_on AS at, TRUE AS counted, c.team_id,
       c.decided_by_id AS worker_id, 'contact received ' || c.received_on AS event
FROM contact c
WHERE c.received_on BETWEEN $start AND $end
