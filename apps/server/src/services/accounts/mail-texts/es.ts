import type { MailTexts } from './catalogue.js';

/** Los correos de las cuentas en español (de "usted", como la aplicación web). */
export const es: MailTexts = {
  greeting: 'Hola, {name}:',
  signature: '— Tandem\n\nSi no esperaba este mensaje, avise de inmediato al administrador de su entidad.',
  someAdministrator: 'La administración de su entidad',
  someColleague: 'Una persona de su entidad',
  linkExpiry: 'El enlace funciona una sola vez, hasta el {expiresAt}.',
  'account_setup.subject': 'Su cuenta de Tandem',
  'account_setup.body':
    '{by} le ha creado una cuenta de Tandem. Elija aquí su contraseña y configure su segundo factor:',
  'password_reset.subject': 'Se ha restablecido la contraseña de su cuenta de Tandem',
  'password_reset.body':
    '{by} ha restablecido la contraseña de su cuenta de Tandem y se han cerrado todas sus sesiones. Elija aquí una contraseña nueva:',
  'mfa_reset.subject': 'Se ha restablecido el segundo factor de su cuenta de Tandem',
  'mfa_reset.body':
    '{by} ha eliminado el segundo factor de su cuenta de Tandem y se han cerrado todas sus sesiones. Configure uno nuevo aquí (se le pedirá su contraseña):',
  'roles_awaiting_approval.subject': 'Un rol del lado de la víctima espera su aprobación',
  'roles_awaiting_approval.body':
    '{by} ha pedido asignar a {name} <{email}>: {roles}. Un rol de caso del lado de la víctima abre los expedientes de las mujeres de su entidad; por eso solo entra en vigor cuando lo aprueba una segunda persona del lado de la víctima. Apruébelo solo si conoce a esta persona y sabe que esa dirección es suya:',
  'roles_approved.subject': 'Se ha aprobado un rol del lado de la víctima',
  'roles_approved.body': '{by} ha aprobado para {name}: {roles}.',
  'roles_refused.subject': 'Se ha rechazado un rol del lado de la víctima',
  'roles_refused.body': '{by} ha rechazado para {name}: {roles}.',
  'role.pp_case_manager': 'Gestión de casos (programa para agresores)',
  'role.vss_case_manager': 'Gestión de casos (atención a víctimas)',
  'role.partner_contact_worker': 'Contacto con la pareja',
  'role.child_protection_lead': 'Responsable de protección de la infancia',
  'role.agency_liaison': 'Enlace de la entidad',
  'role.network_coordinator': 'Coordinación de la red',
  'role.trainer': 'Formación',
  'role.analyst': 'Análisis de datos',
  'role.agency_admin': 'Administración de la entidad',
  'role.system_admin': 'Administración del sistema',
};
