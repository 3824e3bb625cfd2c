import type { passkeys as source } from '../en/passkeys';
/** Spanish: passkeys ("llaves de acceso") on the security page, sign-in and re-authentication. */
export const passkeys: Record<keyof typeof source, string> = {
  'passkeys.title': 'Llaves de acceso',
  'passkeys.intro':
    'Inicia sesión con tu huella, tu cara o el bloqueo de pantalla en lugar de tu contraseña. Puedes añadir una por dispositivo.',
  'passkeys.unsupported': 'Este navegador no puede crear llaves de acceso.',
  'passkeys.loading': 'Cargando llaves de acceso…',
  'passkeys.none': 'Aún no has añadido ninguna llave de acceso.',
  'passkeys.add': 'Añadir una llave de acceso',
  'passkeys.adding': 'Esperando a tu dispositivo…',
  'passkeys.name.label': 'Nombre de la llave de acceso',
  'passkeys.name.hint':
    'Para que puedas distinguir tus llaves de acceso, por ejemplo «Portátil del trabajo».',
  'passkeys.name.default': 'Mi llave de acceso',
  'passkeys.name.required': 'Introduce un nombre para esta llave de acceso',
  'passkeys.added': 'Llave de acceso «{name}» añadida.',
  'passkeys.created': 'Añadida el {date}',
  'passkeys.lastUsed': 'Último uso: {date}',
  'passkeys.neverUsed': 'Aún sin usar',
  'passkeys.synced': 'Sincronizada',
  'passkeys.rename': 'Cambiar nombre',
  'passkeys.renameNamed': 'Cambiar el nombre de la llave de acceso {name}',
  'passkeys.rename.save': 'Guardar',
  'passkeys.rename.cancel': 'Cancelar',
  'passkeys.renamed': 'Llave de acceso renombrada como «{name}».',
  'passkeys.remove': 'Quitar',
  'passkeys.removeNamed': 'Quitar la llave de acceso {name}',
  'passkeys.remove.title': '¿Quitar esta llave de acceso?',
  'passkeys.remove.body':
    'Ya no podrás iniciar sesión con «{name}». Confírmalo con tu contraseña o con otra llave de acceso.',
  'passkeys.remove.confirm': 'Quitar llave de acceso',
  'passkeys.remove.pending': 'Quitando…',
  'passkeys.remove.withPasskey': 'Confirmar con una llave de acceso',
  'passkeys.remove.confirmedWithPasskey': 'Confirmado con tu llave de acceso. Ya puedes quitarla.',
  'passkeys.removed': 'Llave de acceso quitada.',
  'passkeys.error.cancelled': 'La solicitud de la llave de acceso se canceló o caducó.',
  'passkeys.error.exists': 'Este dispositivo ya tiene una llave de acceso para tu cuenta.',
  'passkeys.error.rejected':
    'No se ha podido usar esa llave de acceso. Inténtalo de nuevo o usa tu contraseña.',

  'audit.type.passkey_added': 'Llave de acceso añadida',
  'audit.type.passkey_removed': 'Llave de acceso quitada',
  'audit.type.passkey_sign_in': 'Sesión iniciada con una llave de acceso',
  'audit.type.passkey_counter_regressed': 'Llave de acceso clonada rechazada',
  'audit.type.passkey_reauthenticated': 'Confirmado con una llave de acceso',

  'mfa.passkey.title': 'Confirma con tu llave de acceso',
  'mfa.passkey.intro':
    'La contraseña es correcta. Ahora usa tu llave de acceso para terminar de iniciar sesión.',
  'mfa.passkey.use': 'Usar una llave de acceso',

  'signIn.passkey': 'Iniciar sesión con una llave de acceso',
  'signIn.passkey.pending': 'Esperando a tu llave de acceso…',
  'signIn.or': 'o',
};
