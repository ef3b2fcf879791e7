-- id: cp-second-time
-- title: Child protection plans for a second or subsequent time
-- theme: Child protection
-- definition: Of the child protection plans that started in the period, the percentage
--   for a child who had been the subject of a child protection plan before, at any time.
-- source: DfE Children in need statistics, table D3 (child protection plans starting in the year that were a second or subsequent plan)
-- unit: percent
-- polarity: lower
-- numerator: plans started in the period for a child who had an earlier child protection plan
-- denominator: child protection plans started in the period
-- period: period
-- headline: yes
SELECT p.child_id, p.start_on AS at,
       EXISTS (
           SELECT 1 FROM plan earlier
           WHERE earlier.child_id = p.child_id AND earlier.kind = 'cp'
             AND earlier.start_on < p.start_on
       ) AS counted,
       NULL AS team_id, NULL AS worker_id, 'child protection plan started ' || p.start_on AS event
FROM plan p
WHERE p.kind = 'cp' AND p.start_on BETWEEN $start AND $end
