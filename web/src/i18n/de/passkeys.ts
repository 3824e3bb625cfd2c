import type { passkeys as source } from '../en/passkeys';
/** German: passkeys on the security page, the sign-in button and re-authentication. */
export const passkeys: Record<keyof typeof source, string> = {
  'passkeys.title': 'Passkeys',
  'passkeys.intro':
    'Melden Sie sich statt mit Ihrem Passwort per Fingerabdruck, Gesichtserkennung oder Displaysperre an. Sie können einen Passkey pro Gerät hinzufügen.',
  'passkeys.unsupported': 'Dieser Browser kann keine Passkeys erstellen.',
  'passkeys.loading': 'Passkeys werden geladen…',
  'passkeys.none': 'Sie haben noch keinen Passkey hinzugefügt.',
  'passkeys.add': 'Passkey hinzufügen',
  'passkeys.adding': 'Warten auf Ihr Gerät…',
  'passkeys.name.label': 'Name des Passkeys',
  'passkeys.name.hint': 'Damit Sie Ihre Passkeys unterscheiden können, z. B. „Arbeitslaptop“.',
  'passkeys.name.default': 'Mein Passkey',
  'passkeys.name.required': 'Geben Sie einen Namen für diesen Passkey ein',
  'passkeys.added': 'Passkey „{name}“ hinzugefügt.',
  'passkeys.created': 'Hinzugefügt am {date}',
  'passkeys.lastUsed': 'Zuletzt verwendet {date}',
  'passkeys.neverUsed': 'Noch nicht verwendet',
  'passkeys.synced': 'Synchronisiert',
  'passkeys.rename': 'Umbenennen',
  'passkeys.renameNamed': 'Passkey {name} umbenennen',
  'passkeys.rename.save': 'Speichern',
  'passkeys.rename.cancel': 'Abbrechen',
  'passkeys.renamed': 'Passkey in „{name}“ umbenannt.',
  'passkeys.remove': 'Entfernen',
  'passkeys.removeNamed': 'Passkey {name} entfernen',
  'passkeys.remove.title': 'Diesen Passkey entfernen?',
  'passkeys.remove.body':
    'Sie können sich dann nicht mehr mit „{name}“ anmelden. Bestätigen Sie mit Ihrem Passwort oder einem anderen Passkey.',
  'passkeys.remove.confirm': 'Passkey entfernen',
  'passkeys.remove.pending': 'Wird entfernt…',
  'passkeys.remove.withPasskey': 'Stattdessen mit einem Passkey bestätigen',
  'passkeys.remove.confirmedWithPasskey':
    'Mit Ihrem Passkey bestätigt. Sie können ihn jetzt entfernen.',
  'passkeys.removed': 'Passkey entfernt.',
  'passkeys.error.cancelled': 'Die Passkey-Anfrage wurde abgebrochen oder ist abgelaufen.',
  'passkeys.error.exists': 'Dieses Gerät hat bereits einen Passkey für Ihr Konto.',
  'passkeys.error.rejected':
    'Dieser Passkey konnte nicht verwendet werden. Versuchen Sie es erneut oder nutzen Sie Ihr Passwort.',

  'audit.type.passkey_added': 'Passkey hinzugefügt',
  'audit.type.passkey_removed': 'Passkey entfernt',
  'audit.type.passkey_sign_in': 'Mit einem Passkey angemeldet',
  'audit.type.passkey_counter_regressed': 'Geklonter Passkey abgewiesen',
  'audit.type.passkey_reauthenticated': 'Mit einem Passkey bestätigt',

  'mfa.passkey.title': 'Mit Ihrem Passkey bestätigen',
  'mfa.passkey.intro':
    'Ihr Passwort war richtig. Verwenden Sie jetzt Ihren Passkey, um die Anmeldung abzuschließen.',
  'mfa.passkey.use': 'Passkey verwenden',

  'signIn.passkey': 'Mit einem Passkey anmelden',
  'signIn.passkey.pending': 'Warten auf Ihren Passkey…',
  'signIn.or': 'oder',
};
