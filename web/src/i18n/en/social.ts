/** Social sign-in: provider buttons, callback errors, the "Sign-in methods" section, admin page. */
export const social = {
  'social.continueWith': 'Continue with {provider}',
  'social.redirecting': 'Taking you to {provider}…',
  'social.providerFallback': 'your provider',
  'social.error.state':
    'That sign-in was interrupted or has expired. Start again with the button below.',
  'social.error.denied': 'Signing in with {provider} was cancelled.',
  'social.error.failed':
    "{provider} didn't confirm who you are. Try again, or sign in another way.",
  'social.error.email_unverified':
    "{provider} hasn't verified your email address, so it can't be used to sign in here. Verify it at {provider}, or sign in another way.",
  'social.link.notice': 'Sign in to link your {provider} account',
  'social.link.intro':
    'An account with your {provider} email address already exists. Sign in to it once (with your password, a passkey or an email code) and we will link {provider} to it.',
  'social.link.done':
    'Your {provider} account is linked. Next time you can continue with {provider}.',
  'social.link.failed':
    "Your {provider} account couldn't be linked. Continue with {provider} again to retry.",
  'social.finishing': 'Signing you in…',
  'social.finishing.title': 'Signing in',
  'social.code.invalid': 'This sign-in has expired or was already completed. Start again.',
  'social.backToSignIn': 'Back to sign in',

  'methods.title': 'Sign-in methods',
  'methods.intro':
    'The ways you can sign in: your password, passkeys and accounts from other providers.',
  'methods.loading': 'Loading sign-in methods…',
  'methods.password.set': 'You have a password.',
  'methods.password.none': "You don't have a password.",
  'methods.password.set.link': 'Set a password with a reset link',
  'methods.none': "You haven't linked an account from another provider.",
  'methods.linked': 'Linked {date}',
  'methods.lastUsed': 'Last used {date}',
  'methods.neverUsed': 'Not used yet',
  'methods.unlink': 'Unlink',
  'methods.unlinking': 'Unlinking…',
  'methods.lastWayIn':
    "This is the only way to sign in to your account, so it can't be unlinked. Add a password or a passkey first.",
  'methods.unlinked': '{provider} account unlinked.',

  'admin.providers.title': 'Sign-in providers',
  'admin.providers.intro':
    'People can sign in with accounts from these providers. Register the callback URL at the provider. Providers set in the SOCIAL_PROVIDERS environment variable are listed but can only be changed there.',
  'admin.providers.loading': 'Loading providers…',
  'admin.providers.none': 'No sign-in providers yet.',
  'admin.providers.caption': 'Sign-in providers',
  'admin.providers.col.name': 'Name',
  'admin.providers.col.preset': 'Type',
  'admin.providers.col.callback': 'Callback URL',
  'admin.providers.col.actions': 'Actions',
  'admin.providers.source.env': 'Environment',
  'admin.providers.remove': 'Remove',
  'admin.providers.removeNamed': 'Remove provider {name}',
  'admin.providers.remove.title': 'Remove this provider?',
  'admin.providers.remove.body':
    'People can no longer continue with {name}. Accounts already linked stay linked, and can sign in another way.',
  'admin.providers.remove.confirm': 'Remove provider',
  'admin.providers.removed': 'Provider {name} removed.',
  'admin.providers.add': 'Add provider',
  'admin.providers.adding': 'Adding…',
  'admin.providers.added': 'Provider {name} added. Register its callback URL at the provider.',
  'admin.providers.field.id': 'Id',
  'admin.providers.field.id.hint':
    'Lower-case letters, digits and dashes; part of the callback URL.',
  'admin.providers.field.id.invalid': 'Use lower-case letters, digits and dashes',
  'admin.providers.field.preset': 'Type',
  'admin.providers.preset.oidc': 'OpenID Connect (any issuer)',
  'admin.providers.preset.google': 'Google',
  'admin.providers.preset.microsoft': 'Microsoft',
  'admin.providers.preset.github': 'GitHub',
  'admin.providers.field.name': 'Button name',
  'admin.providers.field.name.hint': 'Shown as "Continue with …". Optional for the presets.',
  'admin.providers.field.clientId': 'Client ID',
  'admin.providers.field.clientSecret': 'Client secret',
  'admin.providers.field.clientSecret.hint': 'Stored encrypted. It is never shown again.',
  'admin.providers.field.issuer': 'Issuer URL',
  'admin.providers.field.issuer.hint': 'OpenID Connect only, for example https://id.example.com',
  'admin.providers.field.tenant': 'Tenant ID',
  'admin.providers.field.tenant.hint': 'Microsoft only: your directory (tenant) id.',
  'admin.providers.field.clientId.required': 'Enter the client ID',

  'app.nav.providers': 'Sign-in providers',

  'error.lastSignInMethod':
    "This is the only way to sign in to your account, so it can't be removed. Add another first.",
  'error.identityTaken': 'That account is already linked to another Gatehouse account.',
  'error.providerUnavailable': "The provider couldn't be reached. Try again shortly.",

  'audit.type.identity_linked': 'Provider account linked',
  'audit.type.identity_unlinked': 'Provider account unlinked',
  'audit.type.social_sign_in': 'Signed in with a provider',
  'audit.type.social_sign_in_failed': 'Sign-in with a provider refused',
} as const;
