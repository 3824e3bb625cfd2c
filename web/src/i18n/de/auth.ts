import type { auth as source } from '../en/auth';
/** German: sign-in, registration, verification and password reset. */
export const auth: Record<keyof typeof source, string> = {
  'signIn.title': 'Anmelden',
  'mfa.code.title': 'Geben Sie den 6-stelligen Code ein',
  'mfa.code.intro':
    'Öffnen Sie Ihre Authenticator-App und geben Sie den Code ein, den sie für Gatehouse anzeigt.',
  'mfa.code.label': 'Authentifizierungscode',
  'mfa.code.format': 'Geben Sie die 6 Ziffern aus Ihrer Authenticator-App ein',
  'mfa.code.submit': 'Weiter',
  'mfa.code.pending': 'Wird geprüft…',
  'mfa.code.useRecovery': 'Stattdessen einen Wiederherstellungscode verwenden',
  'mfa.code.restart':
    'Diese Anmeldung ist abgelaufen. Geben Sie Ihre E-Mail-Adresse und Ihr Passwort erneut ein.',
  'mfa.recovery.title': 'Geben Sie einen Wiederherstellungscode ein',
  'mfa.recovery.intro':
    'Jeder Wiederherstellungscode funktioniert einmal. Sie haben die Codes beim Einrichten der Bestätigung in zwei Schritten gespeichert.',
  'mfa.recovery.label': 'Wiederherstellungscode',
  'mfa.recovery.required': 'Geben Sie einen Ihrer Wiederherstellungscodes ein',
  'mfa.recovery.useCode': 'Stattdessen den Code aus Ihrer Authenticator-App verwenden',
  'signIn.submit': 'Anmelden',
  'signIn.pending': 'Wird angemeldet…',
  'signIn.error.credentials': 'E-Mail-Adresse oder Passwort ist falsch.',
  'signIn.error.unverified':
    'Bestätigen Sie Ihre E-Mail-Adresse, bevor Sie sich anmelden. Nutzen Sie den Link, den wir Ihnen bei der Registrierung gesendet haben.',
  'signIn.forgot': 'Passwort vergessen?',
  'signIn.newHere': 'Neu bei Gatehouse?',
  'signIn.createAccount': 'Konto erstellen',
  'signIn.notice.signedOut': 'Sie haben sich abgemeldet.',
  'signIn.notice.passwordReset':
    'Ihr Passwort wurde geändert und Sie wurden überall abgemeldet. Melden Sie sich mit Ihrem neuen Passwort an.',
  'signIn.notice.accountDeleted': 'Ihr Konto wurde gelöscht.',
  'signIn.notice.accountCreated': 'Konto erstellt. Melden Sie sich an, um fortzufahren.',
  'signIn.notice.verified':
    'Ihre E-Mail-Adresse ist bestätigt. Melden Sie sich an, um fortzufahren.',
  'signIn.notice.passwordChanged':
    'Passwort geändert – melden Sie sich mit Ihrem neuen Passwort an.',

  'register.title': 'Erstellen Sie Ihr Konto',
  'register.name.hint': 'Wie Sie angesprochen werden möchten',
  'register.email.hint': 'Wir senden Ihnen einen Link zur Bestätigung',
  'register.submit': 'Konto erstellen',
  'register.pending': 'Konto wird erstellt…',
  'register.email.taken':
    'Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Melden Sie sich an oder setzen Sie Ihr Passwort zurück.',
  'register.haveAccount': 'Sie haben bereits ein Konto?',
  'register.signIn': 'Anmelden',
  'register.resetPassword': 'Passwort zurücksetzen',

  'verify.pending.title': 'Prüfen Sie Ihren Posteingang',
  'verify.pending.body':
    'Wir haben einen Link an {email} gesendet. Öffnen Sie ihn, um Ihre E-Mail-Adresse zu bestätigen. Der Link ist 24 Stunden gültig.',
  'verify.pending.spam':
    'Nicht gefunden? Prüfen Sie Ihren Spam- oder Junk-Ordner oder senden Sie die E-Mail erneut.',
  'verify.pending.spamSignedOut': 'Nicht gefunden? Prüfen Sie Ihren Spam- oder Junk-Ordner.',
  'verify.pending.signInAfter': 'Bestätigt? Anmelden',
  'verify.pending.resend': 'E-Mail erneut senden',
  'verify.pending.resending': 'Wird gesendet…',
  'verify.pending.cooldown': 'Erneut senden in {time}',
  'verify.pending.sent': 'E-Mail gesendet. In Ihrem Posteingang finden Sie einen neuen Link.',
  'verify.pending.wrongAddress': 'Falsche Adresse?',
  'verify.pending.changeIt': 'In Ihrem Profil ändern',
  'verify.pending.continue': 'Weiter zu Ihrem Konto',
  'verify.pending.alreadyVerified': 'Ihre E-Mail-Adresse ist bereits bestätigt.',
  'verify.landing.title': 'Bestätigen Sie Ihre E-Mail-Adresse',
  'verify.landing.body':
    'Klicken Sie auf die Schaltfläche, um die Bestätigung Ihrer E-Mail-Adresse abzuschließen.',
  'verify.landing.button': 'E-Mail-Adresse bestätigen',
  'verify.landing.pending': 'Wird bestätigt…',
  'verify.done.title': 'Ihre E-Mail-Adresse ist bestätigt',
  'verify.done.body': 'Danke – Ihr Konto ist startklar.',
  'verify.done.continue': 'Weiter',
  'verify.invalid.title': 'Dieser Link kann nicht verwendet werden',
  'verify.expired': 'Dieser Link ist abgelaufen oder wurde bereits verwendet.',
  'verify.invalid.expiry': 'Bestätigungslinks sind 24 Stunden gültig und funktionieren nur einmal.',
  'verify.invalid.missing':
    'Dieser Link ist unvollständig. Öffnen Sie den Link aus Ihrer E-Mail erneut oder fordern Sie einen neuen an.',
  'verify.invalid.resend': 'Neuen Link senden',
  'verify.invalid.signIn': 'Anmelden, um einen neuen Link zu erhalten',
  'verify.already.title': 'Ihre E-Mail-Adresse ist bereits bestätigt',

  'forgot.title': 'Passwort zurücksetzen',
  'forgot.intro':
    'Geben Sie die E-Mail-Adresse ein, die Sie für Gatehouse verwenden. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen können.',
  'forgot.submit': 'Link zum Zurücksetzen senden',
  'forgot.pending': 'Wird gesendet…',
  'forgot.back': 'Zurück zur Anmeldung',
  'forgot.sent.title': 'Prüfen Sie Ihre E-Mails',
  'forgot.sent':
    'Falls es ein Konto für {email} gibt, haben wir einen Link zum Zurücksetzen Ihres Passworts gesendet. Er ist 1 Stunde gültig.',
  'forgot.sent.help':
    'Nichts angekommen? Prüfen Sie Ihren Spam-Ordner oder senden Sie den Link erneut.',
  'forgot.sent.again': 'Erneut senden',
  'forgot.sent.cooldown': 'Erneut senden in {time}',
  'forgot.sent.resent': 'Erneut gesendet.',

  'reset.title': 'Neues Passwort festlegen',
  'reset.intro':
    'Wählen Sie ein Passwort, das Sie nirgendwo sonst verwenden. Beim Speichern werden Sie auf allen Geräten abgemeldet.',
  'reset.submit': 'Neues Passwort speichern',
  'reset.pending': 'Wird gespeichert…',
  'reset.invalid.title': 'Dieser Link zum Zurücksetzen kann nicht verwendet werden',
  'reset.invalid.body':
    'Dieser Link zum Zurücksetzen ist abgelaufen oder wurde bereits verwendet. Links sind 1 Stunde gültig.',
  'reset.invalid.missing':
    'Dieser Link zum Zurücksetzen ist unvollständig. Öffnen Sie den Link aus Ihrer E-Mail erneut oder fordern Sie einen neuen an.',
  'reset.invalid.again': 'Neuen Link anfordern',

  'emailSignIn.link': 'Anmeldelink per E-Mail erhalten',
  'emailSignIn.title': 'Mit Ihrer E-Mail-Adresse anmelden',
  'emailSignIn.intro':
    'Geben Sie die E-Mail-Adresse ein, die Sie für Gatehouse verwenden. Wir senden Ihnen einen Link und einen Code, mit denen Sie sich ohne Passwort anmelden.',
  'emailSignIn.submit': 'Anmeldelink per E-Mail erhalten',
  'emailSignIn.pending': 'Wird gesendet…',
  'emailSignIn.usePassword': 'Stattdessen mit Ihrem Passwort anmelden',
  'emailSignIn.linkInvalid':
    'Dieser Anmeldelink ist abgelaufen oder wurde bereits verwendet. Fordern Sie unten einen neuen an.',
  'emailSignIn.sent.title': 'Prüfen Sie Ihren Posteingang',
  'emailSignIn.sent.body':
    'Falls sich {email} bei Gatehouse anmelden kann, haben wir einen Link und einen 6-stelligen Code dorthin gesendet. Beide sind 15 Minuten gültig und funktionieren nur einmal.',
  'emailSignIn.sent.help':
    'Nichts angekommen? Prüfen Sie Ihren Spam-Ordner oder fordern Sie einen neuen Code an.',
  'emailSignIn.sent.again': 'Andere Adresse verwenden oder neuen Code senden',
  'emailSignIn.code.label': 'Anmeldecode',
  'emailSignIn.code.format': 'Geben Sie die 6 Ziffern aus der E-Mail ein',
  'emailSignIn.code.invalid':
    'Dieser Code ist falsch oder abgelaufen. Nach 5 Fehlversuchen müssen Sie einen neuen anfordern.',
  'emailSignIn.code.submit': 'Anmelden',
  'emailSignIn.landing.title': 'Bei Gatehouse anmelden',
  'emailSignIn.landing.body':
    'Klicken Sie auf die Schaltfläche, um die Anmeldung mit dem Link aus Ihrer E-Mail abzuschließen.',
  'emailSignIn.landing.button': 'Anmelden',

  'welcome.title': 'Willkommen bei Gatehouse',
  'welcome.intro': 'Ihr Konto ist bereit. Nennen Sie uns zum Abschluss Ihren Namen.',
  'welcome.submit': 'Weiter',
};
