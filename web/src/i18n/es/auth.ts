import type { auth as source } from '../en/auth';
/** Spanish: sign-in, registration, verification and password reset. */
export const auth: Record<keyof typeof source, string> = {
  'signIn.title': 'Iniciar sesión',
  'mfa.code.title': 'Introduce el código de 6 dígitos',
  'mfa.code.intro':
    'Abre tu aplicación de autenticación e introduce el código que muestra para Gatehouse.',
  'mfa.code.label': 'Código de autenticación',
  'mfa.code.format': 'Introduce los 6 dígitos que muestra tu aplicación de autenticación',
  'mfa.code.submit': 'Continuar',
  'mfa.code.pending': 'Comprobando…',
  'mfa.code.useRecovery': 'Usar un código de recuperación',
  'mfa.code.restart':
    'Ese inicio de sesión ha caducado. Vuelve a introducir tu correo electrónico y tu contraseña.',
  'mfa.recovery.title': 'Introduce un código de recuperación',
  'mfa.recovery.intro':
    'Cada código de recuperación funciona una sola vez. Los guardaste al configurar la verificación en dos pasos.',
  'mfa.recovery.label': 'Código de recuperación',
  'mfa.recovery.required': 'Introduce uno de tus códigos de recuperación',
  'mfa.recovery.useCode': 'Usar el código de tu aplicación de autenticación',
  'signIn.submit': 'Iniciar sesión',
  'signIn.pending': 'Iniciando sesión…',
  'signIn.error.credentials': 'El correo electrónico o la contraseña no son correctos.',
  'signIn.error.unverified':
    'Confirma tu correo electrónico antes de iniciar sesión. Usa el enlace que te enviamos al registrarte.',
  'signIn.forgot': '¿Has olvidado tu contraseña?',
  'signIn.newHere': '¿Eres nuevo en Gatehouse?',
  'signIn.createAccount': 'Crear una cuenta',
  'signIn.notice.signedOut': 'Has cerrado sesión.',
  'signIn.notice.passwordReset':
    'Tu contraseña se ha cambiado y se ha cerrado tu sesión en todas partes. Inicia sesión con tu nueva contraseña.',
  'signIn.notice.accountDeleted': 'Tu cuenta se ha eliminado.',
  'signIn.notice.accountCreated': 'Cuenta creada. Inicia sesión para continuar.',
  'signIn.notice.verified': 'Tu correo electrónico está confirmado. Inicia sesión para continuar.',
  'signIn.notice.passwordChanged': 'Contraseña cambiada: inicia sesión con tu nueva contraseña.',

  'register.title': 'Crea tu cuenta',
  'register.name.hint': 'Cómo quieres que te llamemos',
  'register.email.hint': 'Te enviaremos un enlace para confirmarlo',
  'register.submit': 'Crear cuenta',
  'register.pending': 'Creando cuenta…',
  'register.email.taken':
    'Ya existe una cuenta con este correo electrónico. Inicia sesión o restablece tu contraseña.',
  'register.haveAccount': '¿Ya tienes una cuenta?',
  'register.signIn': 'Iniciar sesión',
  'register.resetPassword': 'Restablecer tu contraseña',

  'verify.pending.title': 'Revisa tu bandeja de entrada',
  'verify.pending.body':
    'Hemos enviado un enlace a {email}. Ábrelo para confirmar tu correo electrónico. El enlace caduca en 24 horas.',
  'verify.pending.spam':
    '¿No lo encuentras? Revisa la carpeta de spam o correo no deseado, o vuelve a enviarlo.',
  'verify.pending.spamSignedOut':
    '¿No lo encuentras? Revisa la carpeta de spam o correo no deseado.',
  'verify.pending.signInAfter': '¿Ya lo has confirmado? Inicia sesión',
  'verify.pending.resend': 'Reenviar correo',
  'verify.pending.resending': 'Enviando…',
  'verify.pending.cooldown': 'Reenviar en {time}',
  'verify.pending.sent': 'Correo enviado. Busca el enlace nuevo en tu bandeja de entrada.',
  'verify.pending.wrongAddress': '¿Dirección incorrecta?',
  'verify.pending.changeIt': 'Cámbiala en tu perfil',
  'verify.pending.continue': 'Continuar a tu cuenta',
  'verify.pending.alreadyVerified': 'Tu correo electrónico ya está confirmado.',
  'verify.landing.title': 'Confirma tu correo electrónico',
  'verify.landing.body': 'Pulsa el botón para terminar de confirmar tu correo electrónico.',
  'verify.landing.button': 'Confirmar correo electrónico',
  'verify.landing.pending': 'Confirmando…',
  'verify.done.title': 'Tu correo electrónico está confirmado',
  'verify.done.body': 'Gracias: tu cuenta ya está lista.',
  'verify.done.continue': 'Continuar',
  'verify.invalid.title': 'No se puede usar este enlace',
  'verify.expired': 'Este enlace ha caducado o ya se ha usado.',
  'verify.invalid.expiry': 'Los enlaces de confirmación duran 24 horas y funcionan una sola vez.',
  'verify.invalid.missing':
    'Este enlace está incompleto. Vuelve a abrir el enlace de tu correo o pide uno nuevo.',
  'verify.invalid.resend': 'Enviar un enlace nuevo',
  'verify.invalid.signIn': 'Inicia sesión para recibir un enlace nuevo',
  'verify.already.title': 'Tu correo electrónico ya está confirmado',

  'forgot.title': 'Restablece tu contraseña',
  'forgot.intro':
    'Introduce el correo electrónico que usas en Gatehouse y te enviaremos un enlace para elegir una nueva contraseña.',
  'forgot.submit': 'Enviar enlace de restablecimiento',
  'forgot.pending': 'Enviando…',
  'forgot.back': 'Volver al inicio de sesión',
  'forgot.sent.title': 'Revisa tu correo',
  'forgot.sent':
    'Si existe una cuenta para {email}, te hemos enviado un enlace para restablecer tu contraseña. Caduca en 1 hora.',
  'forgot.sent.help': '¿No te ha llegado? Revisa la carpeta de spam o vuelve a enviarlo.',
  'forgot.sent.again': 'Volver a enviar',
  'forgot.sent.cooldown': 'Volver a enviar en {time}',
  'forgot.sent.resent': 'Enviado de nuevo.',

  'reset.title': 'Elige una nueva contraseña',
  'reset.intro':
    'Elige una contraseña que no uses en ningún otro sitio. Al guardarla, se cerrará tu sesión en todos los dispositivos.',
  'reset.submit': 'Guardar nueva contraseña',
  'reset.pending': 'Guardando…',
  'reset.invalid.title': 'No se puede usar este enlace de restablecimiento',
  'reset.invalid.body':
    'Este enlace de restablecimiento ha caducado o ya se ha usado. Los enlaces duran 1 hora.',
  'reset.invalid.missing':
    'Este enlace de restablecimiento está incompleto. Vuelve a abrir el enlace de tu correo o solicita uno nuevo.',
  'reset.invalid.again': 'Solicitar un enlace nuevo',

  'emailSignIn.link': 'Enviarme un enlace de inicio de sesión',
  'emailSignIn.title': 'Inicia sesión con tu correo electrónico',
  'emailSignIn.intro':
    'Introduce el correo electrónico que usas en Gatehouse. Te enviaremos un enlace y un código para iniciar sesión sin tu contraseña.',
  'emailSignIn.submit': 'Enviarme un enlace de inicio de sesión',
  'emailSignIn.pending': 'Enviando…',
  'emailSignIn.usePassword': 'Iniciar sesión con tu contraseña',
  'emailSignIn.linkInvalid':
    'Ese enlace de inicio de sesión ha caducado o ya se ha usado. Pide uno nuevo abajo.',
  'emailSignIn.sent.title': 'Revisa tu bandeja de entrada',
  'emailSignIn.sent.body':
    'Si {email} puede iniciar sesión en Gatehouse, le hemos enviado un enlace y un código de 6 dígitos. Caducan en 15 minutos y funcionan una sola vez.',
  'emailSignIn.sent.help': '¿No te ha llegado? Revisa la carpeta de spam o pide uno nuevo.',
  'emailSignIn.sent.again': 'Usar otra dirección o enviar un código nuevo',
  'emailSignIn.code.label': 'Código de inicio de sesión',
  'emailSignIn.code.format': 'Introduce los 6 dígitos del correo',
  'emailSignIn.code.invalid':
    'Ese código no es correcto o ha caducado. Tras 5 intentos fallidos, pide uno nuevo.',
  'emailSignIn.code.submit': 'Iniciar sesión',
  'emailSignIn.landing.title': 'Inicia sesión en Gatehouse',
  'emailSignIn.landing.body':
    'Pulsa el botón para terminar de iniciar sesión con el enlace de tu correo.',
  'emailSignIn.landing.button': 'Iniciar sesión',

  'welcome.title': 'Te damos la bienvenida a Gatehouse',
  'welcome.intro': 'Tu cuenta está lista. Dinos tu nombre para terminar.',
  'welcome.submit': 'Continuar',
};
