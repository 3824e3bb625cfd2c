/**
 * English: the mails (src/email/templates.ts). Each line of a plain-text part is one message; the
 * link and the code stand alone on their own lines. `<b>` is the only tag, kept in every language.
 */
export const mail = {
  'mail.greeting': 'Hello,',
  'mail.greetingName': 'Hello {name},',
  'mail.copyLink': 'If the button does not work, copy this address into your browser:',
  'mail.verification.subject': 'Confirm your email address',
  'mail.verification.openLink':
    'Confirm your email address for your Gatehouse account by opening this link:',
  'mail.verification.intro': 'Confirm your email address for your Gatehouse account.',
  'mail.verification.validity': 'The link is valid for 24 hours and works once.',
  'mail.verification.ignore': 'If you did not create an account, you can ignore this mail.',
  'mail.verification.action': 'Confirm email address',
  'mail.reset.subject': 'Reset your password',
  'mail.reset.intro': 'Someone asked to reset the password of your Gatehouse account.',
  'mail.reset.openLink': 'To choose a new password, open this link:',
  'mail.reset.validity':
    'The link is valid for 1 hour and works once. Resetting signs you out everywhere.',
  'mail.reset.ignore':
    'If you did not ask for this, ignore this mail: your password stays as it is.',
  'mail.reset.action': 'Choose a new password',
  'mail.invitation.subject': 'You are invited to join an organization on Gatehouse',
  'mail.invitation.invited': 'You have been invited to join an organization on Gatehouse.',
  'mail.invitation.openLink': 'To see the invitation and accept it, open this link:',
  'mail.invitation.intro': '{inviter} invited you to join <b>{organization}</b> on Gatehouse.',
  'mail.invitation.validity':
    'The link is valid for 7 days and works once. Sign in, or create an account, with the address this mail was sent to.',
  'mail.invitation.ignore': 'If you did not expect this, you can ignore this mail.',
  'mail.invitation.action': 'See the invitation',
  'mail.emailSignIn.subject': 'Your Gatehouse sign-in code: {code}',
  'mail.emailSignIn.openLink': 'To sign in to Gatehouse, open this link:',
  'mail.emailSignIn.orCode': 'Or enter this code on the sign-in page:',
  'mail.emailSignIn.intro':
    'To sign in to Gatehouse, use the button below or enter this code on the sign-in page:',
  'mail.emailSignIn.validity': 'The link and the code are valid for 15 minutes and work once.',
  'mail.emailSignIn.ignore':
    'If you did not ask to sign in, ignore this mail: nobody can sign in without it.',
  'mail.emailSignIn.action': 'Sign in',
} as const;
