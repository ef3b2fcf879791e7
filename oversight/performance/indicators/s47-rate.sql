-- id: s47-rate
-- title: Section 47 enquiries per 10,000 children
-- theme: Child protection
-- definition: Section 47 enquiries started in the period, per 10,000 children aged 0 to
--   17 in the LA. Each enquiry counts.
-- source: DfE Children in need statistics (section 47 enquiries), rate per 10,000 children
-- unit: rate
-- polarity: neutral
-- numerator: section 47 enquiries started in the period
-- denominator: children aged 0 to 17 in the LA (ONS mid-year estimate)
-- period: period
SELECT s.child_id, s.started_on AS at, TRUE AS counted, NULL AS team_id, NULL AS worker_id,
       'section 47 enquiry started ' || s.started_on AS event
FROM s47enquiry s
WHERE s.started_on BETWEEN $start AND $end
