import type { oidc as source } from '../en/oidc';
/** Arabic: signing in to other applications through Gatehouse (OpenID Connect). */
export const oidc: Record<keyof typeof source, string> = {
  'oidc.signInTo': 'سجّل الدخول للمتابعة إلى {app}.',
  'oidc.continuing': 'جارٍ المتابعة إلى {app}…',
  'oidc.consent.title': 'السماح بالوصول',
  'oidc.consent.heading': 'هل تسمح لـ {app} باستخدام حسابك على Gatehouse؟',
  'oidc.consent.intro': 'يطلب {app}:',
  'oidc.consent.allow': 'سماح',
  'oidc.consent.allowing': 'جارٍ السماح…',
  'oidc.consent.deny': 'رفض',
  'oidc.scope.openid': 'معرّف حسابك على Gatehouse',
  'oidc.scope.profile': 'اسمك',
  'oidc.scope.email': 'بريدك الإلكتروني',
  'oidc.scope.roles': 'دورك في Gatehouse',
  'oidc.scope.offline_access': 'الوصول في أثناء عدم استخدامك له',
  'oidc.apps.title': 'التطبيقات المتصلة',
  'oidc.apps.intro': 'التطبيقات التي سمحت لها باستخدام حسابك.',
  'oidc.apps.none': 'لا يملك أي تطبيق إذنًا بالوصول إلى حسابك.',
  'oidc.apps.granted': 'سُمح له في {date}',
  'oidc.apps.revoke': 'إبطال',
  'oidc.apps.revokeLabel': 'إبطال وصول {app}',
  'oidc.apps.revoked': 'تم إبطال وصول {app}.',
  'oidc.apps.revoke.title': 'هل تريد إبطال وصول {app}؟',
  'oidc.apps.revoke.body':
    'سيُسجَّل خروج التطبيق فورًا ولن يتمكن من استخدام حسابك بعد الآن. وسيطلب إذنك مرة أخرى إذا سجّلت الدخول إليه لاحقًا.',
  'oidc.apps.revoke.confirm': 'إبطال الوصول',
  'oidc.apps.revoking': 'جارٍ الإبطال…',
};
