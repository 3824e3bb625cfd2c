import type { social as source } from '../en/social';
/** Spanish: social sign-in – provider buttons, callback errors, "Métodos de inicio de sesión", admin page. */
export const social: Record<keyof typeof source, string> = {
  'social.continueWith': 'Continuar con {provider}',
  'social.redirecting': 'Te estamos llevando a {provider}…',
  'social.providerFallback': 'tu proveedor',
  'social.error.state':
    'Ese inicio de sesión se interrumpió o caducó. Vuelve a empezar con el botón de abajo.',
  'social.error.denied': 'Se canceló el inicio de sesión con {provider}.',
  'social.error.failed':
    '{provider} no ha confirmado tu identidad. Inténtalo de nuevo o inicia sesión de otra forma.',
  'social.error.email_unverified':
    '{provider} no ha verificado tu dirección de correo electrónico, así que no se puede usar para iniciar sesión aquí. Verifícala en {provider} o inicia sesión de otra forma.',
  'social.link.notice': 'Inicia sesión para vincular tu cuenta de {provider}',
  'social.link.intro':
    'Ya existe una cuenta con tu dirección de correo electrónico de {provider}. Inicia sesión en ella una vez (con tu contraseña, una llave de acceso o un código por correo) y vincularemos {provider} a ella.',
  'social.link.done':
    'Tu cuenta de {provider} está vinculada. La próxima vez podrás continuar con {provider}.',
  'social.link.failed':
    'No se ha podido vincular tu cuenta de {provider}. Vuelve a continuar con {provider} para intentarlo de nuevo.',
  'social.finishing': 'Iniciando sesión…',
  'social.finishing.title': 'Inicio de sesión',
  'social.code.invalid': 'Este inicio de sesión caducó o ya se completó. Vuelve a empezar.',
  'social.backToSignIn': 'Volver a iniciar sesión',

  'methods.title': 'Métodos de inicio de sesión',
  'methods.intro':
    'Las formas en que puedes iniciar sesión: tu contraseña, tus llaves de acceso y cuentas de otros proveedores.',
  'methods.loading': 'Cargando métodos de inicio de sesión…',
  'methods.password.set': 'Tienes una contraseña.',
  'methods.password.none': 'No tienes contraseña.',
  'methods.password.set.link': 'Establecer una contraseña con un enlace de restablecimiento',
  'methods.none': 'No has vinculado ninguna cuenta de otro proveedor.',
  'methods.linked': 'Vinculada el {date}',
  'methods.lastUsed': 'Último uso: {date}',
  'methods.neverUsed': 'Aún sin usar',
  'methods.unlink': 'Desvincular',
  'methods.unlinking': 'Desvinculando…',
  'methods.lastWayIn':
    'Es la única forma de iniciar sesión en tu cuenta, así que no se puede desvincular. Añade antes una contraseña o una llave de acceso.',
  'methods.unlinked': 'Cuenta de {provider} desvinculada.',

  'admin.providers.title': 'Proveedores de inicio de sesión',
  'admin.providers.intro':
    'Los usuarios pueden iniciar sesión con cuentas de estos proveedores. Registra la URL de callback en el proveedor. Los proveedores definidos en la variable de entorno SOCIAL_PROVIDERS aparecen en la lista, pero solo se pueden cambiar allí.',
  'admin.providers.loading': 'Cargando proveedores…',
  'admin.providers.none': 'Aún no hay proveedores de inicio de sesión.',
  'admin.providers.caption': 'Proveedores de inicio de sesión',
  'admin.providers.col.name': 'Nombre',
  'admin.providers.col.preset': 'Tipo',
  'admin.providers.col.callback': 'URL de callback',
  'admin.providers.col.actions': 'Acciones',
  'admin.providers.source.env': 'Entorno',
  'admin.providers.remove': 'Quitar',
  'admin.providers.removeNamed': 'Quitar el proveedor {name}',
  'admin.providers.remove.title': '¿Quitar este proveedor?',
  'admin.providers.remove.body':
    'Ya no se podrá continuar con {name}. Las cuentas ya vinculadas siguen vinculadas y pueden iniciar sesión de otra forma.',
  'admin.providers.remove.confirm': 'Quitar proveedor',
  'admin.providers.removed': 'Proveedor {name} quitado.',
  'admin.providers.add': 'Añadir proveedor',
  'admin.providers.adding': 'Añadiendo…',
  'admin.providers.added': 'Proveedor {name} añadido. Registra su URL de callback en el proveedor.',
  'admin.providers.field.id': 'ID',
  'admin.providers.field.id.hint':
    'Letras minúsculas, dígitos y guiones; forma parte de la URL de callback.',
  'admin.providers.field.id.invalid': 'Usa letras minúsculas, dígitos y guiones',
  'admin.providers.field.preset': 'Tipo',
  'admin.providers.preset.oidc': 'OpenID Connect (cualquier emisor)',
  'admin.providers.preset.google': 'Google',
  'admin.providers.preset.microsoft': 'Microsoft',
  'admin.providers.preset.github': 'GitHub',
  'admin.providers.field.name': 'Nombre del botón',
  'admin.providers.field.name.hint':
    'Se muestra como «Continuar con …». Opcional para los predefinidos.',
  'admin.providers.field.clientId': 'ID de cliente',
  'admin.providers.field.clientSecret': 'Secreto de cliente',
  'admin.providers.field.clientSecret.hint': 'Se guarda cifrado. No se vuelve a mostrar nunca.',
  'admin.providers.field.issuer': 'URL del emisor',
  'admin.providers.field.issuer.hint': 'Solo OpenID Connect, por ejemplo https://id.example.com',
  'admin.providers.field.tenant': 'ID de inquilino',
  'admin.providers.field.tenant.hint': 'Solo Microsoft: el ID de tu directorio (inquilino).',
  'admin.providers.field.clientId.required': 'Introduce el ID de cliente',

  'app.nav.providers': 'Proveedores de inicio de sesión',

  'error.lastSignInMethod':
    'Es la única forma de iniciar sesión en tu cuenta, así que no se puede quitar. Añade antes otra.',
  'error.identityTaken': 'Esa cuenta ya está vinculada a otra cuenta de Gatehouse.',
  'error.providerUnavailable':
    'No se ha podido contactar con el proveedor. Inténtalo de nuevo en unos momentos.',

  'audit.type.identity_linked': 'Cuenta de proveedor vinculada',
  'audit.type.identity_unlinked': 'Cuenta de proveedor desvinculada',
  'audit.type.social_sign_in': 'Sesión iniciada con un proveedor',
  'audit.type.social_sign_in_failed': 'Inicio de sesión con un proveedor rechazado',
};
