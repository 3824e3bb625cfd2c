import type { mail as source } from '../en/mail.js';

/** Spanish: the mails (see ../en/mail.ts). */
export const mail: Record<keyof typeof source, string> = {
  'mail.greeting': 'Hola:',
  'mail.greetingName': 'Hola, {name}:',
  'mail.copyLink': 'Si el botón no funciona, copia esta dirección en tu navegador:',
  'mail.verification.subject': 'Confirma tu dirección de correo electrónico',
  'mail.verification.openLink':
    'Confirma la dirección de correo electrónico de tu cuenta de Gatehouse abriendo este enlace:',
  'mail.verification.intro':
    'Confirma la dirección de correo electrónico de tu cuenta de Gatehouse.',
  'mail.verification.validity': 'El enlace es válido durante 24 horas y solo funciona una vez.',
  'mail.verification.ignore': 'Si no has creado ninguna cuenta, puedes ignorar este correo.',
  'mail.verification.action': 'Confirmar dirección de correo',
  'mail.reset.subject': 'Restablece tu contraseña',
  'mail.reset.intro': 'Alguien ha pedido restablecer la contraseña de tu cuenta de Gatehouse.',
  'mail.reset.openLink': 'Para elegir una contraseña nueva, abre este enlace:',
  'mail.reset.validity':
    'El enlace es válido durante 1 hora y solo funciona una vez. Al restablecerla se cerrarán todas tus sesiones.',
  'mail.reset.ignore': 'Si no lo has pedido tú, ignora este correo: tu contraseña seguirá igual.',
  'mail.reset.action': 'Elegir una contraseña nueva',
  'mail.invitation.subject': 'Te han invitado a unirte a una organización en Gatehouse',
  'mail.invitation.invited': 'Te han invitado a unirte a una organización en Gatehouse.',
  'mail.invitation.openLink': 'Para ver la invitación y aceptarla, abre este enlace:',
  'mail.invitation.intro':
    '{inviter} te ha invitado a unirte a <b>{organization}</b> en Gatehouse.',
  'mail.invitation.validity':
    'El enlace es válido durante 7 días y solo funciona una vez. Inicia sesión, o crea una cuenta, con la dirección a la que se envió este correo.',
  'mail.invitation.ignore': 'Si no esperabas esta invitación, puedes ignorar este correo.',
  'mail.invitation.action': 'Ver la invitación',
  'mail.emailSignIn.subject': 'Tu código de inicio de sesión de Gatehouse: {code}',
  'mail.emailSignIn.openLink': 'Para iniciar sesión en Gatehouse, abre este enlace:',
  'mail.emailSignIn.orCode': 'O introduce este código en la página de inicio de sesión:',
  'mail.emailSignIn.intro':
    'Para iniciar sesión en Gatehouse, usa el botón de abajo o introduce este código en la página de inicio de sesión:',
  'mail.emailSignIn.validity':
    'El enlace y el código son válidos durante 15 minutos y solo funcionan una vez.',
  'mail.emailSignIn.ignore':
    'Si no has pedido iniciar sesión, ignora este correo: nadie puede iniciar sesión sin él.',
  'mail.emailSignIn.action': 'Iniciar sesión',
};
