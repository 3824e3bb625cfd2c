import type { common as source } from '../en/common';
/** German: app chrome, errors, passwords, dialogs (formal "Sie"). */
export const common: Record<keyof typeof source, string> = {
  'app.name': 'Gatehouse',
  'app.titleSuffix': '{title} – Gatehouse',
  'app.errorPrefix': 'Fehler: {title}',
  'app.skipLink': 'Zum Hauptinhalt springen',
  'app.offline':
    'Sie sind offline. Nichts kann gespeichert werden, bis die Verbindung wieder besteht.',
  'app.loading': 'Wird geladen…',
  'app.nav.label': 'Hauptmenü',
  'app.nav.account': 'Konto',
  'app.nav.admin': 'Verwaltung',
  'app.nav.applications': 'Anwendungen',
  'app.nav.webhooks': 'Webhooks',
  'app.signedInAs': 'Angemeldet als {email}',
  'app.signOut': 'Abmelden',
  'app.signingOut': 'Wird abgemeldet…',
  'app.signOutRetry':
    'Wir konnten Sie noch nicht abmelden, Sie sind also weiterhin angemeldet. {seconds, plural, =0 {Neuer Versuch läuft…} one {Neuer Versuch in # Sekunde…} other {Neuer Versuch in # Sekunden…}}',
  'app.footer.label': 'Website',
  'theme.legend': 'Design',
  'theme.light': 'Hell',
  'theme.dark': 'Dunkel',
  'theme.system': 'System',

  'request.waiting':
    'Server ausgelastet, neuer Versuch in {seconds, plural, one {# Sekunde} other {# Sekunden}}…',

  'error.summary.title': 'Es ist ein Problem aufgetreten',
  'error.rateLimited':
    'Zu viele Versuche. Versuchen Sie es in {seconds, plural, one {# Sekunde} other {# Sekunden}} erneut.',
  'error.unavailable':
    'Gatehouse ist vorübergehend nicht erreichbar. Versuchen Sie es gleich noch einmal.',
  'error.network':
    'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.forbidden': 'Dazu fehlt Ihnen die Berechtigung.',
  'error.notFound': 'Wir konnten das Gesuchte nicht finden. Möglicherweise wurde es gelöscht.',
  'error.generic': 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
  'error.lastAdmin':
    'Dies ist der einzige Admin. Machen Sie zuerst einen anderen Benutzer zum Admin.',
  'error.lastAdminSelf':
    'Sie sind der einzige Admin. Machen Sie einen anderen Benutzer zum Admin, bevor Sie Ihr Konto löschen.',
  'error.currentPassword': 'Ihr aktuelles Passwort ist falsch.',
  'error.loadFailed': 'Diese Informationen konnten nicht geladen werden.',
  'error.retry': 'Erneut versuchen',
  'session.expired': 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',

  'field.email.label': 'E-Mail-Adresse',
  'field.email.required': 'Geben Sie Ihre E-Mail-Adresse ein',
  'field.email.invalid':
    'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@example.com',
  'field.name.label': 'Name',
  'field.name.required': 'Geben Sie Ihren Namen ein',
  'field.name.tooLong': 'Der Name darf höchstens 100 Zeichen lang sein',
  'field.password.label': 'Passwort',
  'field.password.required': 'Geben Sie Ihr Passwort ein',
  'field.newPassword.label': 'Neues Passwort',
  'field.newPassword.required': 'Geben Sie ein neues Passwort ein',
  'field.currentPassword.label': 'Aktuelles Passwort',
  'field.currentPassword.required': 'Geben Sie Ihr aktuelles Passwort ein',
  'password.hint':
    'Verwenden Sie mindestens 8 Zeichen. Meiden Sie gängige Passwörter – ein Satz aus mehreren Wörtern ist sicherer.',
  'password.tooShort': 'Das Passwort muss mindestens 8 Zeichen lang sein',
  'password.tooLong': 'Das Passwort darf höchstens 128 Zeichen lang sein',
  'password.tooCommon': 'Dieses Passwort ist zu verbreitet. Wählen Sie ein anderes.',
  'password.show': 'Anzeigen',
  'password.hide': 'Verbergen',
  'password.noun': 'des Passworts',
  'password.nowVisible': 'Ihr Passwort ist sichtbar',
  'password.nowHidden': 'Ihr Passwort ist verborgen',

  'dialog.cancel': 'Abbrechen',
  'time.never': 'Nie',
  'badge.verified': 'Bestätigt',
  'badge.unverified': 'Nicht bestätigt',
  'role.admin': 'Admin',
  'role.user': 'Benutzer',

  'banner.verify': 'Bestätigen Sie Ihre E-Mail-Adresse – wir haben einen Link an {email} gesendet.',
  'banner.verify.resend': 'Link erneut senden',
  'banner.verify.sending': 'Wird gesendet…',
  'banner.verify.sent': 'Wir haben einen neuen Link an {email} gesendet.',
  'banner.verify.dismiss': 'Schließen',

  'notFound.title': 'Seite nicht gefunden',
  'notFound.body':
    'Wenn Sie die Adresse eingegeben haben, prüfen Sie, ob sie stimmt. Wenn Sie einem Link gefolgt sind, ist er möglicherweise veraltet.',
  'notFound.home': 'Zur Startseite',
  'forbidden.title': 'Sie haben keine Berechtigung, diese Seite anzuzeigen',
  'forbidden.body':
    'Diese Seite steht nur Administratoren zur Verfügung. Wenn Sie Zugriff haben sollten, wenden Sie sich an einen Admin.',
  'forbidden.home': 'Zu Ihrem Konto',
};
