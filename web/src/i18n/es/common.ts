import type { common as source } from '../en/common';
/** Spanish: app chrome, errors, passwords, dialogs (informal "tú"). */
export const common: Record<keyof typeof source, string> = {
  'app.name': 'Gatehouse',
  'app.titleSuffix': '{title} – Gatehouse',
  'app.errorPrefix': 'Error: {title}',
  'app.skipLink': 'Saltar al contenido principal',
  'app.offline': 'No tienes conexión. No se puede guardar nada hasta que vuelva.',
  'app.loading': 'Cargando…',
  'app.nav.label': 'Principal',
  'app.nav.account': 'Cuenta',
  'app.nav.admin': 'Administración',
  'app.nav.applications': 'Aplicaciones',
  'app.nav.webhooks': 'Webhooks',
  'app.signedInAs': 'Sesión iniciada como {email}',
  'app.signOut': 'Cerrar sesión',
  'app.signingOut': 'Cerrando sesión…',
  'app.signOutRetry':
    'Aún no hemos podido cerrar tu sesión, así que sigue abierta. {seconds, plural, =0 {Reintentando ahora…} one {Reintentando en # segundo…} other {Reintentando en # segundos…}}',
  'app.footer.label': 'Sitio',
  'theme.legend': 'Tema',
  'theme.light': 'Claro',
  'theme.dark': 'Oscuro',
  'theme.system': 'Sistema',

  'request.waiting':
    'Servidor ocupado; se reintentará en {seconds, plural, one {# segundo} other {# segundos}}…',

  'error.summary.title': 'Hay un problema',
  'error.rateLimited':
    'Demasiados intentos. Inténtalo de nuevo en {seconds, plural, one {# segundo} other {# segundos}}.',
  'error.unavailable':
    'Gatehouse no está disponible temporalmente. Inténtalo de nuevo en un momento.',
  'error.network':
    'No hemos podido conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
  'error.forbidden': 'No tienes permiso para hacer eso.',
  'error.notFound': 'No hemos encontrado lo que buscabas. Puede que se haya eliminado.',
  'error.generic': 'Algo ha salido mal. Inténtalo de nuevo.',
  'error.lastAdmin': 'Es el único administrador. Primero haz administrador a otro usuario.',
  'error.lastAdminSelf':
    'Eres el único administrador. Haz administrador a otro usuario antes de eliminar tu cuenta.',
  'error.currentPassword': 'Tu contraseña actual no es correcta.',
  'error.loadFailed': 'No hemos podido cargar esta información.',
  'error.retry': 'Reintentar',
  'session.expired': 'Tu sesión ha terminado. Vuelve a iniciar sesión para continuar.',

  'field.email.label': 'Correo electrónico',
  'field.email.required': 'Introduce tu correo electrónico',
  'field.email.invalid':
    'Introduce un correo electrónico con el formato correcto, como nombre@example.com',
  'field.name.label': 'Nombre',
  'field.name.required': 'Introduce tu nombre',
  'field.name.tooLong': 'El nombre no puede superar los 100 caracteres',
  'field.password.label': 'Contraseña',
  'field.password.required': 'Introduce tu contraseña',
  'field.newPassword.label': 'Nueva contraseña',
  'field.newPassword.required': 'Introduce una nueva contraseña',
  'field.currentPassword.label': 'Contraseña actual',
  'field.currentPassword.required': 'Introduce tu contraseña actual',
  'password.hint':
    'Usa al menos 8 caracteres. Evita las contraseñas comunes: una frase de varias palabras es más segura.',
  'password.tooShort': 'La contraseña debe tener al menos 8 caracteres',
  'password.tooLong': 'La contraseña no puede superar los 128 caracteres',
  'password.tooCommon': 'Esta contraseña es demasiado común. Elige otra.',
  'password.show': 'Mostrar',
  'password.hide': 'Ocultar',
  'password.noun': 'contraseña',
  'password.nowVisible': 'Tu contraseña está visible',
  'password.nowHidden': 'Tu contraseña está oculta',

  'dialog.cancel': 'Cancelar',
  'time.never': 'Nunca',
  'badge.verified': 'Verificado',
  'badge.unverified': 'Sin verificar',
  'role.admin': 'Administrador',
  'role.user': 'Usuario',

  'banner.verify': 'Confirma tu correo electrónico: te hemos enviado un enlace a {email}.',
  'banner.verify.resend': 'Reenviar enlace',
  'banner.verify.sending': 'Enviando…',
  'banner.verify.sent': 'Te hemos enviado un enlace nuevo a {email}.',
  'banner.verify.dismiss': 'Descartar',

  'notFound.title': 'Página no encontrada',
  'notFound.body':
    'Si has escrito la dirección, comprueba que sea correcta. Si has seguido un enlace, puede que esté desactualizado.',
  'notFound.home': 'Ir a la página de inicio',
  'forbidden.title': 'No tienes permiso para ver esta página',
  'forbidden.body':
    'Esta página solo está disponible para administradores. Si crees que deberías tener acceso, pídeselo a un administrador.',
  'forbidden.home': 'Ir a tu cuenta',
};
