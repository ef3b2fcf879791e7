-- id: care-leavers-in-touch-19-21
-- title: Care leavers in touch, aged 19 to 21
-- theme: Care leavers
-- definition: Of the care leavers whose 19th, 20th or 21st birthday fell in the period
--   (young people who had a pathway plan by that birthday), the percentage the local authority was in touch with around their birthday: the status recorded
--   nearest the birthday between 3 months before it and 1 month after it, as the DfE
--   collects it. A care leaver with no status recorded in that window counts as not
--   known, and so not in touch.
-- source: DfE Children looked after statistics (Care leavers in touch with the local authority, aged 19 to 21)
-- unit: percent
-- polarity: higher
-- numerator: care leavers in touch around their birthday
-- denominator: care leavers aged 19 to 21 whose birthday fell in the period
-- period: period
SELECT child_id, birthday AS at, in_touch AS counted, NULL AS team_id, NULL AS worker_id, event
FROM care_leavers(19, 21, $start, $end)
