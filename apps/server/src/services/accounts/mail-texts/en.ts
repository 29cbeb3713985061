/**
 * The account e-mails in English: the reference every other language must match key for key and
 * placeholder for placeholder (mail-texts.test.ts). Role labels are the web app's own
 * (apps/web/src/app/i18n/locales/en.json, "roles"), copied so the server imports no web file.
 */
export const en = {
  greeting: 'Hello {name},',
  signature: '— Tandem\n\nIf you did not expect this message, tell your agency administrator at once.',
  someAdministrator: 'An administrator',
  someColleague: 'A colleague',
  linkExpiry: 'The link works once, until {expiresAt}.',
  'account_setup.subject': 'Your Tandem account',
  'account_setup.body':
    '{by} created a Tandem account for you. Set your password and your second factor here:',
  'password_reset.subject': 'Your Tandem password was reset',
  'password_reset.body':
    '{by} reset the password of your Tandem account, and every session of it has ended. Choose a new password here:',
  'mfa_reset.subject': 'Your Tandem second factor was reset',
  'mfa_reset.body':
    '{by} removed the second factor of your Tandem account, and every session of it has ended. Enrol a new one here (you will be asked for your password):',
  'roles_awaiting_approval.subject': 'A victim-side role waits for your approval',
  'roles_awaiting_approval.body':
    "{by} asked to give the role(s) {roles} to {name} <{email}>. The role gives access to the women's files of your agency, so it takes effect only when a second person of the victim side approves it. Approve it only if you know this person and that address is theirs:",
  'roles_approved.subject': 'A victim-side role was approved',
  'roles_approved.body': '{by} approved the role(s) {roles} of {name}.',
  'roles_refused.subject': 'A victim-side role was refused',
  'roles_refused.body': '{by} refused the role(s) {roles} of {name}.',
  'role.pp_case_manager': 'Case manager (perpetrator programme)',
  'role.vss_case_manager': 'Case manager (victim support)',
  'role.partner_contact_worker': 'Partner-contact worker',
  'role.child_protection_lead': 'Child-protection lead',
  'role.agency_liaison': 'Agency liaison',
  'role.network_coordinator': 'Network coordinator',
  'role.trainer': 'Trainer',
  'role.analyst': 'Analyst',
  'role.agency_admin': 'Agency administrator',
  'role.system_admin': 'System administrator',
} as const;
