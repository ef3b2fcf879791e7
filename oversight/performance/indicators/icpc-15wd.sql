-- id: icpc-15wd
-- title: Initial child protection conferences within 15 working days
-- theme: Child protection
-- definition: Of the initial child protection conferences held in the period, the
--   percentage held within 15 working days of the start of the section 47 enquiry (the
--   strategy discussion that started it), as the CIN census counts them. Weekends and
--   England bank holidays do not count. Conferences with no enquiry recorded here (a
--   child who moved in) are left out.
-- source: DfE Children in need statistics (initial child protection conferences within 15 working days)
-- unit: percent
-- polarity: higher
-- numerator: initial conferences held within 15 working days of the enquiry's start
-- denominator: initial conferences held in the period
-- period: period
-- headline: yes
SELECT c.child_id, c.held_on AS at, working_days(s.started_on, c.held_on) <= 15 AS counted,
       NULL AS team_id, NULL AS worker_id,
       'enquiry started ' || s.started_on || ', conference ' || c.held_on
       || ' (' || working_days(s.started_on, c.held_on) || ' working days)' AS event
FROM conference c JOIN s47enquiry s ON s.id = c.s47_id
WHERE c.kind = 'initial' AND c.held_on BETWEEN $start AND $end
