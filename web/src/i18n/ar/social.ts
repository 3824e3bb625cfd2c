import type { social as source } from '../en/social';
/** Arabic: social sign-in – provider buttons, callback errors, "طرق تسجيل الدخول", admin page. */
export const social: Record<keyof typeof source, string> = {
  'social.continueWith': 'المتابعة باستخدام {provider}',
  'social.redirecting': 'جارٍ نقلك إلى {provider}…',
  'social.providerFallback': 'مزوّد الخدمة',
  'social.error.state':
    'انقطعت عملية تسجيل الدخول هذه أو انتهت صلاحيتها. ابدأ من جديد باستخدام الزر أدناه.',
  'social.error.denied': 'أُلغي تسجيل الدخول باستخدام {provider}.',
  'social.error.failed': 'لم يؤكّد {provider} هويتك. حاول مرة أخرى، أو سجّل الدخول بطريقة أخرى.',
  'social.error.email_unverified':
    'لم يتحقق {provider} من عنوان بريدك الإلكتروني، لذا لا يمكن استخدامه لتسجيل الدخول هنا. تحقّق منه لدى {provider}، أو سجّل الدخول بطريقة أخرى.',
  'social.link.notice': 'سجّل الدخول لربط حسابك على {provider}',
  'social.link.intro':
    'يوجد بالفعل حساب بعنوان البريد الإلكتروني المرتبط بـ {provider}. سجّل الدخول إليه مرة واحدة (بكلمة المرور أو بمفتاح مرور أو برمز يصلك بالبريد الإلكتروني) وسنربط {provider} به.',
  'social.link.done':
    'تم ربط حسابك على {provider}. يمكنك في المرة القادمة المتابعة باستخدام {provider}.',
  'social.link.failed':
    'تعذّر ربط حسابك على {provider}. تابع باستخدام {provider} مرة أخرى لإعادة المحاولة.',
  'social.finishing': 'جارٍ تسجيل دخولك…',
  'social.finishing.title': 'تسجيل الدخول',
  'social.code.invalid': 'انتهت صلاحية عملية تسجيل الدخول هذه أو اكتملت بالفعل. ابدأ من جديد.',
  'social.backToSignIn': 'العودة إلى تسجيل الدخول',

  'methods.title': 'طرق تسجيل الدخول',
  'methods.intro':
    'الطرق التي يمكنك تسجيل الدخول بها: كلمة المرور، ومفاتيح المرور، والحسابات لدى مزوّدين آخرين.',
  'methods.loading': 'جارٍ تحميل طرق تسجيل الدخول…',
  'methods.password.set': 'لديك كلمة مرور.',
  'methods.password.none': 'ليست لديك كلمة مرور.',
  'methods.password.set.link': 'تعيين كلمة مرور عبر رابط إعادة التعيين',
  'methods.none': 'لم تربط أي حساب لدى مزوّد آخر.',
  'methods.linked': 'رُبط في {date}',
  'methods.lastUsed': 'آخر استخدام: {date}',
  'methods.neverUsed': 'لم يُستخدم بعد',
  'methods.unlink': 'إلغاء الربط',
  'methods.unlinking': 'جارٍ إلغاء الربط…',
  'methods.lastWayIn':
    'هذه هي الطريقة الوحيدة لتسجيل الدخول إلى حسابك، لذا لا يمكن إلغاء ربطها. أضف كلمة مرور أو مفتاح مرور أولًا.',
  'methods.unlinked': 'تم إلغاء ربط حساب {provider}.',

  'admin.providers.title': 'مزوّدو تسجيل الدخول',
  'admin.providers.intro':
    'يمكن للمستخدمين تسجيل الدخول بحساباتهم لدى هؤلاء المزوّدين. سجّل عنوان URL لرد الاتصال لدى المزوّد. يظهر في القائمة المزوّدون المعرّفون في متغير البيئة SOCIAL_PROVIDERS، لكن لا يمكن تغييرهم إلا هناك.',
  'admin.providers.loading': 'جارٍ تحميل المزوّدين…',
  'admin.providers.none': 'لا يوجد مزوّدو تسجيل دخول بعد.',
  'admin.providers.caption': 'مزوّدو تسجيل الدخول',
  'admin.providers.col.name': 'الاسم',
  'admin.providers.col.preset': 'النوع',
  'admin.providers.col.callback': 'عنوان URL لرد الاتصال',
  'admin.providers.col.actions': 'الإجراءات',
  'admin.providers.source.env': 'البيئة',
  'admin.providers.remove': 'إزالة',
  'admin.providers.removeNamed': 'إزالة المزوّد {name}',
  'admin.providers.remove.title': 'هل تريد إزالة هذا المزوّد؟',
  'admin.providers.remove.body':
    'لن يتمكن المستخدمون بعد الآن من المتابعة باستخدام {name}. تبقى الحسابات المرتبطة مرتبطة، ويمكن تسجيل الدخول إليها بطريقة أخرى.',
  'admin.providers.remove.confirm': 'إزالة المزوّد',
  'admin.providers.removed': 'تمت إزالة المزوّد {name}.',
  'admin.providers.add': 'إضافة مزوّد',
  'admin.providers.adding': 'جارٍ الإضافة…',
  'admin.providers.added':
    'تمت إضافة المزوّد {name}. سجّل عنوان URL لرد الاتصال الخاص به لدى المزوّد.',
  'admin.providers.field.id': 'المعرّف',
  'admin.providers.field.id.hint':
    'أحرف لاتينية صغيرة وأرقام وشرطات؛ وهو جزء من عنوان URL لرد الاتصال.',
  'admin.providers.field.id.invalid': 'استخدم أحرفًا لاتينية صغيرة وأرقامًا وشرطات',
  'admin.providers.field.preset': 'النوع',
  'admin.providers.preset.oidc': 'OpenID Connect (أي جهة إصدار)',
  'admin.providers.preset.google': 'Google',
  'admin.providers.preset.microsoft': 'Microsoft',
  'admin.providers.preset.github': 'GitHub',
  'admin.providers.field.name': 'اسم الزر',
  'admin.providers.field.name.hint':
    'يظهر بصيغة «المتابعة باستخدام …». اختياري للأنواع المعدّة مسبقًا.',
  'admin.providers.field.clientId': 'معرّف العميل',
  'admin.providers.field.clientSecret': 'سرّ العميل',
  'admin.providers.field.clientSecret.hint': 'يُخزَّن مشفّرًا ولن يُعرض مرة أخرى.',
  'admin.providers.field.issuer': 'عنوان URL لجهة الإصدار',
  'admin.providers.field.issuer.hint': 'لـ OpenID Connect فقط، مثل https://id.example.com',
  'admin.providers.field.tenant': 'معرّف المستأجر',
  'admin.providers.field.tenant.hint': 'لـ Microsoft فقط: معرّف الدليل (المستأجر) الخاص بك.',
  'admin.providers.field.clientId.required': 'أدخل معرّف العميل',

  'app.nav.providers': 'مزوّدو تسجيل الدخول',

  'error.lastSignInMethod':
    'هذه هي الطريقة الوحيدة لتسجيل الدخول إلى حسابك، لذا لا يمكن إزالتها. أضف طريقة أخرى أولًا.',
  'error.identityTaken': 'هذا الحساب مرتبط بالفعل بحساب آخر في Gatehouse.',
  'error.providerUnavailable': 'تعذّر الوصول إلى المزوّد. حاول مرة أخرى بعد قليل.',

  'audit.type.identity_linked': 'تم ربط حساب لدى مزوّد',
  'audit.type.identity_unlinked': 'تم إلغاء ربط حساب لدى مزوّد',
  'audit.type.social_sign_in': 'تم تسجيل الدخول عبر مزوّد',
  'audit.type.social_sign_in_failed': 'رُفض تسجيل الدخول عبر مزوّد',
};
