-- A caseworker's own work, found from her name and her case rather than by reading every case
-- (README, "Performance, counted"): the cases she is named on, in each of the three roles, and a
-- joint case's informal contacts. At a region's scale each of these was a sequential scan.
CREATE INDEX joint_case_pp_manager_idx ON joint_case (pp_case_manager_id);
CREATE INDEX joint_case_vss_manager_idx ON joint_case (vss_case_manager_id);
CREATE INDEX joint_case_partner_contact_idx ON joint_case (partner_contact_worker_id);
CREATE INDEX case_event_joint_case_idx ON case_event (joint_case_id, occurred_on)
  WHERE joint_case_id IS NOT NULL;
