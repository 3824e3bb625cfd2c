import type { social as source } from '../en/social';
/** German: social sign-in – provider buttons, callback errors, "Anmeldemethoden", admin page. */
export const social: Record<keyof typeof source, string> = {
  'social.continueWith': 'Weiter mit {provider}',
  'social.redirecting': 'Sie werden zu {provider} weitergeleitet…',
  'social.providerFallback': 'Ihr Anbieter',
  'social.error.state':
    'Diese Anmeldung wurde unterbrochen oder ist abgelaufen. Beginnen Sie über die Schaltfläche unten erneut.',
  'social.error.denied': 'Die Anmeldung mit {provider} wurde abgebrochen.',
  'social.error.failed':
    '{provider} hat Ihre Identität nicht bestätigt. Versuchen Sie es erneut oder melden Sie sich auf andere Weise an.',
  'social.error.email_unverified':
    '{provider} hat Ihre E-Mail-Adresse nicht bestätigt, daher kann sie hier nicht zur Anmeldung verwendet werden. Bestätigen Sie sie bei {provider} oder melden Sie sich auf andere Weise an.',
  'social.link.notice': 'Melden Sie sich an, um Ihr {provider}-Konto zu verknüpfen',
  'social.link.intro':
    'Es gibt bereits ein Konto mit Ihrer {provider}-E-Mail-Adresse. Melden Sie sich einmal dort an (mit Ihrem Passwort, einem Passkey oder einem E-Mail-Code), dann verknüpfen wir {provider} damit.',
  'social.link.done':
    'Ihr {provider}-Konto ist verknüpft. Beim nächsten Mal können Sie mit {provider} fortfahren.',
  'social.link.failed':
    'Ihr {provider}-Konto konnte nicht verknüpft werden. Fahren Sie erneut mit {provider} fort, um es noch einmal zu versuchen.',
  'social.finishing': 'Sie werden angemeldet…',
  'social.finishing.title': 'Anmeldung',
  'social.code.invalid':
    'Diese Anmeldung ist abgelaufen oder wurde bereits abgeschlossen. Beginnen Sie erneut.',
  'social.backToSignIn': 'Zurück zur Anmeldung',

  'methods.title': 'Anmeldemethoden',
  'methods.intro':
    'So können Sie sich anmelden: mit Ihrem Passwort, mit Passkeys und mit Konten anderer Anbieter.',
  'methods.loading': 'Anmeldemethoden werden geladen…',
  'methods.password.set': 'Sie haben ein Passwort.',
  'methods.password.none': 'Sie haben kein Passwort.',
  'methods.password.set.link': 'Passwort über einen Link zum Zurücksetzen festlegen',
  'methods.none': 'Sie haben noch kein Konto eines anderen Anbieters verknüpft.',
  'methods.linked': 'Verknüpft am {date}',
  'methods.lastUsed': 'Zuletzt verwendet {date}',
  'methods.neverUsed': 'Noch nicht verwendet',
  'methods.unlink': 'Verknüpfung aufheben',
  'methods.unlinking': 'Verknüpfung wird aufgehoben…',
  'methods.lastWayIn':
    'Dies ist die einzige Möglichkeit, sich bei Ihrem Konto anzumelden, daher kann die Verknüpfung nicht aufgehoben werden. Fügen Sie zuerst ein Passwort oder einen Passkey hinzu.',
  'methods.unlinked': 'Verknüpfung mit dem {provider}-Konto aufgehoben.',

  'admin.providers.title': 'Anmeldeanbieter',
  'admin.providers.intro':
    'Personen können sich mit Konten dieser Anbieter anmelden. Registrieren Sie die Callback-URL beim Anbieter. Anbieter aus der Umgebungsvariable SOCIAL_PROVIDERS werden aufgeführt, können aber nur dort geändert werden.',
  'admin.providers.loading': 'Anbieter werden geladen…',
  'admin.providers.none': 'Noch keine Anmeldeanbieter.',
  'admin.providers.caption': 'Anmeldeanbieter',
  'admin.providers.col.name': 'Name',
  'admin.providers.col.preset': 'Typ',
  'admin.providers.col.callback': 'Callback-URL',
  'admin.providers.col.actions': 'Aktionen',
  'admin.providers.source.env': 'Umgebung',
  'admin.providers.remove': 'Entfernen',
  'admin.providers.removeNamed': 'Anbieter {name} entfernen',
  'admin.providers.remove.title': 'Diesen Anbieter entfernen?',
  'admin.providers.remove.body':
    'Personen können dann nicht mehr mit {name} fortfahren. Bereits verknüpfte Konten bleiben verknüpft und können sich auf andere Weise anmelden.',
  'admin.providers.remove.confirm': 'Anbieter entfernen',
  'admin.providers.removed': 'Anbieter {name} entfernt.',
  'admin.providers.add': 'Anbieter hinzufügen',
  'admin.providers.adding': 'Wird hinzugefügt…',
  'admin.providers.added':
    'Anbieter {name} hinzugefügt. Registrieren Sie seine Callback-URL beim Anbieter.',
  'admin.providers.field.id': 'ID',
  'admin.providers.field.id.hint':
    'Kleinbuchstaben, Ziffern und Bindestriche; Teil der Callback-URL.',
  'admin.providers.field.id.invalid': 'Verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche',
  'admin.providers.field.preset': 'Typ',
  'admin.providers.preset.oidc': 'OpenID Connect (beliebiger Aussteller)',
  'admin.providers.preset.google': 'Google',
  'admin.providers.preset.microsoft': 'Microsoft',
  'admin.providers.preset.github': 'GitHub',
  'admin.providers.field.name': 'Name der Schaltfläche',
  'admin.providers.field.name.hint':
    'Wird als „Weiter mit …“ angezeigt. Bei den Vorlagen optional.',
  'admin.providers.field.clientId': 'Client-ID',
  'admin.providers.field.clientSecret': 'Client-Secret',
  'admin.providers.field.clientSecret.hint':
    'Wird verschlüsselt gespeichert und nie wieder angezeigt.',
  'admin.providers.field.issuer': 'Aussteller-URL',
  'admin.providers.field.issuer.hint': 'Nur OpenID Connect, z. B. https://id.example.com',
  'admin.providers.field.tenant': 'Mandanten-ID',
  'admin.providers.field.tenant.hint': 'Nur Microsoft: die ID Ihres Verzeichnisses (Mandanten).',
  'admin.providers.field.clientId.required': 'Geben Sie die Client-ID ein',

  'app.nav.providers': 'Anmeldeanbieter',

  'error.lastSignInMethod':
    'Dies ist die einzige Möglichkeit, sich bei Ihrem Konto anzumelden, daher kann sie nicht entfernt werden. Fügen Sie zuerst eine weitere hinzu.',
  'error.identityTaken': 'Dieses Konto ist bereits mit einem anderen Gatehouse-Konto verknüpft.',
  'error.providerUnavailable':
    'Der Anbieter konnte nicht erreicht werden. Versuchen Sie es in Kürze erneut.',

  'audit.type.identity_linked': 'Anbieterkonto verknüpft',
  'audit.type.identity_unlinked': 'Verknüpfung mit Anbieterkonto aufgehoben',
  'audit.type.social_sign_in': 'Über einen Anbieter angemeldet',
  'audit.type.social_sign_in_failed': 'Anmeldung über einen Anbieter abgewiesen',
};
