import type { mail as source } from '../en/mail.js';

/** German: the mails (see ../en/mail.ts). */
export const mail: Record<keyof typeof source, string> = {
  'mail.greeting': 'Hallo,',
  'mail.greetingName': 'Hallo {name},',
  'mail.copyLink':
    'Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:',
  'mail.verification.subject': 'Bestätigen Sie Ihre E-Mail-Adresse',
  'mail.verification.openLink':
    'Bestätigen Sie die E-Mail-Adresse Ihres Gatehouse-Kontos, indem Sie diesen Link öffnen:',
  'mail.verification.intro': 'Bestätigen Sie die E-Mail-Adresse Ihres Gatehouse-Kontos.',
  'mail.verification.validity': 'Der Link ist 24 Stunden gültig und funktioniert einmal.',
  'mail.verification.ignore':
    'Falls Sie kein Konto erstellt haben, können Sie diese E-Mail ignorieren.',
  'mail.verification.action': 'E-Mail-Adresse bestätigen',
  'mail.reset.subject': 'Setzen Sie Ihr Passwort zurück',
  'mail.reset.intro': 'Jemand hat angefordert, das Passwort Ihres Gatehouse-Kontos zurückzusetzen.',
  'mail.reset.openLink': 'Um ein neues Passwort zu wählen, öffnen Sie diesen Link:',
  'mail.reset.validity':
    'Der Link ist 1 Stunde gültig und funktioniert einmal. Das Zurücksetzen meldet Sie überall ab.',
  'mail.reset.ignore':
    'Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
  'mail.reset.action': 'Neues Passwort wählen',
  'mail.invitation.subject': 'Sie sind eingeladen, einer Organisation auf Gatehouse beizutreten',
  'mail.invitation.invited': 'Sie wurden eingeladen, einer Organisation auf Gatehouse beizutreten.',
  'mail.invitation.openLink': 'Um die Einladung anzusehen und anzunehmen, öffnen Sie diesen Link:',
  'mail.invitation.intro':
    '{inviter} hat Sie eingeladen, <b>{organization}</b> auf Gatehouse beizutreten.',
  'mail.invitation.validity':
    'Der Link ist 7 Tage gültig und funktioniert einmal. Melden Sie sich mit der Adresse an, an die diese E-Mail gesendet wurde, oder erstellen Sie damit ein Konto.',
  'mail.invitation.ignore':
    'Falls Sie damit nicht gerechnet haben, können Sie diese E-Mail ignorieren.',
  'mail.invitation.action': 'Einladung ansehen',
  'mail.emailSignIn.subject': 'Ihr Anmeldecode für Gatehouse: {code}',
  'mail.emailSignIn.openLink': 'Um sich bei Gatehouse anzumelden, öffnen Sie diesen Link:',
  'mail.emailSignIn.orCode': 'Oder geben Sie diesen Code auf der Anmeldeseite ein:',
  'mail.emailSignIn.intro':
    'Um sich bei Gatehouse anzumelden, verwenden Sie die Schaltfläche unten oder geben Sie diesen Code auf der Anmeldeseite ein:',
  'mail.emailSignIn.validity': 'Link und Code sind 15 Minuten gültig und funktionieren einmal.',
  'mail.emailSignIn.ignore':
    'Falls Sie keine Anmeldung angefordert haben, ignorieren Sie diese E-Mail: Ohne sie kann sich niemand anmelden.',
  'mail.emailSignIn.action': 'Anmelden',
};
