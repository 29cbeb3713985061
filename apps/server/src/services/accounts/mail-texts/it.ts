import type { MailTexts } from './catalogue.js';

/** Le e-mail degli account in italiano (del "tu", come l'app web). */
export const it: MailTexts = {
  greeting: 'Ciao {name},',
  signature: "— Tandem\n\nSe non aspettavi questo messaggio, avvisa subito l'amministratore del tuo ente.",
  someAdministrator: "L'amministrazione del tuo ente",
  someColleague: 'Una persona del tuo ente',
  linkExpiry: 'Il link funziona una sola volta, fino al {expiresAt}.',
  'account_setup.subject': 'Il tuo account Tandem',
  'account_setup.body':
    '{by} ha creato per te un account Tandem. Scegli qui la tua password e configura il secondo fattore:',
  'password_reset.subject': 'La password del tuo account Tandem è stata reimpostata',
  'password_reset.body':
    '{by} ha reimpostato la password del tuo account Tandem e tutte le sue sessioni sono state chiuse. Scegli qui una nuova password:',
  'mfa_reset.subject': 'Il secondo fattore del tuo account Tandem è stato reimpostato',
  'mfa_reset.body':
    '{by} ha rimosso il secondo fattore del tuo account Tandem e tutte le sue sessioni sono state chiuse. Configurane uno nuovo qui (ti verrà chiesta la password):',
  'roles_awaiting_approval.subject': 'Un ruolo del lato vittima attende la tua approvazione',
  'roles_awaiting_approval.body':
    "{by} ha chiesto di assegnare a {name} <{email}>: {roles}. Un ruolo di caso del lato vittima apre le cartelle delle donne del tuo ente: per questo vale solo quando lo approva una seconda persona del lato vittima. Approvalo solo se conosci questa persona e sai che quell'indirizzo è suo:",
  'roles_approved.subject': 'Un ruolo del lato vittima è stato approvato',
  'roles_approved.body': '{by} ha approvato per {name}: {roles}.',
  'roles_refused.subject': 'Un ruolo del lato vittima è stato rifiutato',
  'roles_refused.body': '{by} ha rifiutato per {name}: {roles}.',
  'role.pp_case_manager': 'Case manager (programma per autori)',
  'role.vss_case_manager': 'Case manager (supporto alle vittime)',
  'role.partner_contact_worker': 'Referente per i contatti con la partner',
  'role.child_protection_lead': 'Referente per la tutela dei minori',
  'role.agency_liaison': "Referente dell'ente",
  'role.network_coordinator': 'Coordinamento di rete',
  'role.trainer': 'Formazione',
  'role.analyst': 'Analisi dei dati',
  'role.agency_admin': "Amministrazione dell'ente",
  'role.system_admin': 'Amministrazione di sistema',
};
