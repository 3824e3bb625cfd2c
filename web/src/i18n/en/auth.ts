/** Sign-in, registration, verification and password reset copy. */
export const auth = {
  'signIn.title': 'Sign in',
  'mfa.code.title': 'Enter the 6-digit code',
  'mfa.code.intro': 'Open your authenticator app and enter the code it shows for Gatehouse.',
  'mfa.code.label': 'Authentication code',
  'mfa.code.format': 'Enter the 6 digits shown in your authenticator app',
  'mfa.code.submit': 'Continue',
  'mfa.code.pending': 'Checking…',
  'mfa.code.useRecovery': 'Use a recovery code instead',
  'mfa.code.restart': 'That sign-in has expired. Enter your email and password again.',
  'mfa.recovery.title': 'Enter a recovery code',
  'mfa.recovery.intro':
    'Each recovery code works once. You saved them when you set up two-step verification.',
  'mfa.recovery.label': 'Recovery code',
  'mfa.recovery.required': 'Enter one of your recovery codes',
  'mfa.recovery.useCode': 'Use the code from your authenticator app instead',
  'signIn.submit': 'Sign in',
  'signIn.pending': 'Signing in…',
  'signIn.error.credentials': 'Email or password is incorrect.',
  'signIn.error.unverified':
    'Confirm your email address before signing in. Use the link we sent when you registered.',
  'signIn.forgot': 'Forgot your password?',
  'signIn.newHere': 'New to Gatehouse?',
  'signIn.createAccount': 'Create an account',
  'signIn.notice.signedOut': 'You have signed out.',
  'signIn.notice.passwordReset':
    "Your password has been changed and you've been signed out everywhere. Sign in with your new password.",
  'signIn.notice.accountDeleted': 'Your account has been deleted.',
  'signIn.notice.accountCreated': 'Account created. Sign in to continue.',
  'signIn.notice.verified': 'Your email address is confirmed. Sign in to continue.',
  'signIn.notice.passwordChanged': 'Password changed — sign in with your new password.',

  'register.title': 'Create your account',
  'register.name.hint': "How you'd like to be addressed",
  'register.email.hint': "We'll send a link to confirm it",
  'register.submit': 'Create account',
  'register.pending': 'Creating account…',
  'register.email.taken':
    'An account with this email already exists. Sign in or reset your password.',
  'register.haveAccount': 'Already have an account?',
  'register.signIn': 'Sign in',
  'register.resetPassword': 'Reset your password',

  'verify.pending.title': 'Check your inbox',
  'verify.pending.body':
    'We sent a link to {email}. Open it to confirm your email address. The link expires in 24 hours.',
  'verify.pending.spam': "Can't find it? Check your spam or junk folder, or send it again.",
  'verify.pending.spamSignedOut': "Can't find it? Check your spam or junk folder.",
  'verify.pending.signInAfter': 'Confirmed it? Sign in',
  'verify.pending.resend': 'Resend email',
  'verify.pending.resending': 'Sending…',
  'verify.pending.cooldown': 'Resend in {time}',
  'verify.pending.sent': 'Email sent. Check your inbox for a new link.',
  'verify.pending.wrongAddress': 'Wrong address?',
  'verify.pending.changeIt': 'Change it in your profile',
  'verify.pending.continue': 'Continue to your account',
  'verify.pending.alreadyVerified': 'Your email address is already confirmed.',
  'verify.landing.title': 'Confirm your email address',
  'verify.landing.body': 'Press the button to finish confirming your email address.',
  'verify.landing.button': 'Confirm email address',
  'verify.landing.pending': 'Confirming…',
  'verify.done.title': 'Your email address is confirmed',
  'verify.done.body': 'Thanks — your account is all set.',
  'verify.done.continue': 'Continue',
  'verify.invalid.title': "This link can't be used",
  'verify.expired': 'This link has expired or has already been used.',
  'verify.invalid.expiry': 'Confirmation links last 24 hours and work once.',
  'verify.invalid.missing':
    'This link is incomplete. Open the link from your email again, or ask for a new one.',
  'verify.invalid.resend': 'Send a new link',
  'verify.invalid.signIn': 'Sign in to get a new link',
  'verify.already.title': 'Your email is already confirmed',

  'forgot.title': 'Reset your password',
  'forgot.intro':
    "Enter the email address you use for Gatehouse and we'll send you a link to choose a new password.",
  'forgot.submit': 'Send reset link',
  'forgot.pending': 'Sending…',
  'forgot.back': 'Back to sign in',
  'forgot.sent.title': 'Check your email',
  'forgot.sent':
    "If an account exists for {email}, we've sent a link to reset your password. It expires in 1 hour.",
  'forgot.sent.help': "Didn't get it? Check your spam folder or send it again.",
  'forgot.sent.again': 'Send again',
  'forgot.sent.cooldown': 'Send again in {time}',
  'forgot.sent.resent': 'Sent again.',

  'reset.title': 'Choose a new password',
  'reset.intro':
    'Choose a password you don’t use anywhere else. Saving it signs you out on every device.',
  'reset.submit': 'Save new password',
  'reset.pending': 'Saving…',
  'reset.invalid.title': "This reset link can't be used",
  'reset.invalid.body': 'This reset link has expired or has already been used. Links last 1 hour.',
  'reset.invalid.missing':
    'This reset link is incomplete. Open the link from your email again, or request a new one.',
  'reset.invalid.again': 'Request a new link',
  'reset.done':
    "Your password has been changed and you've been signed out everywhere. Sign in with your new password.",

  'emailSignIn.link': 'Email me a sign-in link',
  'emailSignIn.title': 'Sign in with your email',
  'emailSignIn.intro':
    "Enter the email address you use for Gatehouse. We'll send you a link and a code to sign in without your password.",
  'emailSignIn.submit': 'Email me a sign-in link',
  'emailSignIn.pending': 'Sending…',
  'emailSignIn.usePassword': 'Sign in with your password instead',
  'emailSignIn.linkInvalid':
    'That sign-in link has expired or has already been used. Ask for a new one below.',
  'emailSignIn.sent.title': 'Check your inbox',
  'emailSignIn.sent.body':
    "If {email} can sign in to Gatehouse, we've sent it a link and a 6-digit code. They expire in 15 minutes and work once.",
  'emailSignIn.sent.help': "Didn't get it? Check your spam folder, or ask for a new one.",
  'emailSignIn.sent.again': 'Use another address or send a new code',
  'emailSignIn.code.label': 'Sign-in code',
  'emailSignIn.code.format': 'Enter the 6 digits from the email',
  'emailSignIn.code.invalid':
    'That code is wrong or has expired. After 5 wrong tries, ask for a new one.',
  'emailSignIn.code.submit': 'Sign in',
  'emailSignIn.landing.title': 'Sign in to Gatehouse',
  'emailSignIn.landing.body':
    'Press the button to finish signing in with the link from your email.',
  'emailSignIn.landing.button': 'Sign in',

  'welcome.title': 'Welcome to Gatehouse',
  'welcome.intro': 'Your account is ready. Tell us your name to finish.',
  'welcome.submit': 'Continue',
} as const;
