import type { auth as source } from '../en/auth';
/** Arabic: sign-in, registration, verification and password reset. */
export const auth: Record<keyof typeof source, string> = {
  'signIn.title': 'تسجيل الدخول',
  'mfa.code.title': 'أدخل الرمز المكوّن من 6 أرقام',
  'mfa.code.intro': 'افتح تطبيق المصادقة وأدخل الرمز الذي يعرضه لـ Gatehouse.',
  'mfa.code.label': 'رمز المصادقة',
  'mfa.code.format': 'أدخل الأرقام الستة المعروضة في تطبيق المصادقة',
  'mfa.code.submit': 'متابعة',
  'mfa.code.pending': 'جارٍ التحقق…',
  'mfa.code.useRecovery': 'استخدام رمز استرداد بدلًا من ذلك',
  'mfa.code.restart':
    'انتهت صلاحية عملية تسجيل الدخول هذه. أدخل بريدك الإلكتروني وكلمة المرور مرة أخرى.',
  'mfa.recovery.title': 'أدخل رمز استرداد',
  'mfa.recovery.intro':
    'يعمل كل رمز استرداد مرة واحدة. لقد حفظت هذه الرموز عند إعداد التحقق بخطوتين.',
  'mfa.recovery.label': 'رمز الاسترداد',
  'mfa.recovery.required': 'أدخل أحد رموز الاسترداد الخاصة بك',
  'mfa.recovery.useCode': 'استخدام الرمز من تطبيق المصادقة بدلًا من ذلك',
  'signIn.submit': 'تسجيل الدخول',
  'signIn.pending': 'جارٍ تسجيل الدخول…',
  'signIn.error.credentials': 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  'signIn.error.unverified':
    'أكّد بريدك الإلكتروني قبل تسجيل الدخول. استخدم الرابط الذي أرسلناه إليك عند التسجيل.',
  'signIn.forgot': 'هل نسيت كلمة المرور؟',
  'signIn.newHere': 'هل أنت جديد على Gatehouse؟',
  'signIn.createAccount': 'إنشاء حساب',
  'signIn.notice.signedOut': 'لقد سجّلت الخروج.',
  'signIn.notice.passwordReset':
    'تم تغيير كلمة المرور وتسجيل خروجك من جميع الأجهزة. سجّل الدخول بكلمة المرور الجديدة.',
  'signIn.notice.accountDeleted': 'تم حذف حسابك.',
  'signIn.notice.accountCreated': 'تم إنشاء الحساب. سجّل الدخول للمتابعة.',
  'signIn.notice.verified': 'تم تأكيد بريدك الإلكتروني. سجّل الدخول للمتابعة.',
  'signIn.notice.passwordChanged': 'تم تغيير كلمة المرور. سجّل الدخول بكلمة المرور الجديدة.',

  'register.title': 'أنشئ حسابك',
  'register.name.hint': 'الاسم الذي تحب أن نخاطبك به',
  'register.email.hint': 'سنرسل إليه رابطًا لتأكيده',
  'register.submit': 'إنشاء الحساب',
  'register.pending': 'جارٍ إنشاء الحساب…',
  'register.email.taken':
    'يوجد حساب بهذا البريد الإلكتروني بالفعل. سجّل الدخول أو أعد تعيين كلمة المرور.',
  'register.haveAccount': 'هل لديك حساب بالفعل؟',
  'register.signIn': 'تسجيل الدخول',
  'register.resetPassword': 'إعادة تعيين كلمة المرور',

  'verify.pending.title': 'تحقّق من صندوق الوارد',
  'verify.pending.body':
    'أرسلنا رابطًا إلى {email}. افتحه لتأكيد بريدك الإلكتروني. تنتهي صلاحية الرابط بعد 24 ساعة.',
  'verify.pending.spam': 'لم تجده؟ تحقّق من مجلد الرسائل غير المرغوب فيها، أو أرسله مرة أخرى.',
  'verify.pending.spamSignedOut': 'لم تجده؟ تحقّق من مجلد الرسائل غير المرغوب فيها.',
  'verify.pending.signInAfter': 'هل أكّدته؟ سجّل الدخول',
  'verify.pending.resend': 'إعادة إرسال الرسالة',
  'verify.pending.resending': 'جارٍ الإرسال…',
  'verify.pending.cooldown': 'إعادة الإرسال بعد {time}',
  'verify.pending.sent': 'تم إرسال الرسالة. ستجد رابطًا جديدًا في صندوق الوارد.',
  'verify.pending.wrongAddress': 'العنوان غير صحيح؟',
  'verify.pending.changeIt': 'غيّره من ملفك الشخصي',
  'verify.pending.continue': 'المتابعة إلى حسابك',
  'verify.pending.alreadyVerified': 'بريدك الإلكتروني مؤكَّد بالفعل.',
  'verify.landing.title': 'تأكيد بريدك الإلكتروني',
  'verify.landing.body': 'اضغط الزر لإكمال تأكيد بريدك الإلكتروني.',
  'verify.landing.button': 'تأكيد البريد الإلكتروني',
  'verify.landing.pending': 'جارٍ التأكيد…',
  'verify.done.title': 'تم تأكيد بريدك الإلكتروني',
  'verify.done.body': 'شكرًا، حسابك جاهز تمامًا.',
  'verify.done.continue': 'متابعة',
  'verify.invalid.title': 'لا يمكن استخدام هذا الرابط',
  'verify.expired': 'انتهت صلاحية هذا الرابط أو سبق استخدامه.',
  'verify.invalid.expiry': 'تبقى روابط التأكيد صالحة لمدة 24 ساعة وتعمل مرة واحدة.',
  'verify.invalid.missing':
    'هذا الرابط غير مكتمل. افتح الرابط من رسالتك مرة أخرى، أو اطلب رابطًا جديدًا.',
  'verify.invalid.resend': 'إرسال رابط جديد',
  'verify.invalid.signIn': 'سجّل الدخول للحصول على رابط جديد',
  'verify.already.title': 'بريدك الإلكتروني مؤكَّد بالفعل',

  'forgot.title': 'إعادة تعيين كلمة المرور',
  'forgot.intro':
    'أدخل البريد الإلكتروني الذي تستخدمه في Gatehouse وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.',
  'forgot.submit': 'إرسال رابط إعادة التعيين',
  'forgot.pending': 'جارٍ الإرسال…',
  'forgot.back': 'العودة إلى تسجيل الدخول',
  'forgot.sent.title': 'تحقّق من بريدك الإلكتروني',
  'forgot.sent':
    'إذا كان هناك حساب لـ {email}، فقد أرسلنا رابطًا لإعادة تعيين كلمة المرور. تنتهي صلاحيته بعد ساعة واحدة.',
  'forgot.sent.help': 'لم تصلك؟ تحقّق من مجلد الرسائل غير المرغوب فيها أو أرسلها مرة أخرى.',
  'forgot.sent.again': 'الإرسال مرة أخرى',
  'forgot.sent.cooldown': 'الإرسال مرة أخرى بعد {time}',
  'forgot.sent.resent': 'تم الإرسال مرة أخرى.',

  'reset.title': 'اختر كلمة مرور جديدة',
  'reset.intro':
    'اختر كلمة مرور لا تستخدمها في أي مكان آخر. سيؤدي حفظها إلى تسجيل خروجك من جميع الأجهزة.',
  'reset.submit': 'حفظ كلمة المرور الجديدة',
  'reset.pending': 'جارٍ الحفظ…',
  'reset.invalid.title': 'لا يمكن استخدام رابط إعادة التعيين هذا',
  'reset.invalid.body':
    'انتهت صلاحية رابط إعادة التعيين هذا أو سبق استخدامه. تبقى الروابط صالحة لمدة ساعة واحدة.',
  'reset.invalid.missing':
    'رابط إعادة التعيين هذا غير مكتمل. افتح الرابط من رسالتك مرة أخرى، أو اطلب رابطًا جديدًا.',
  'reset.invalid.again': 'طلب رابط جديد',

  'emailSignIn.link': 'أرسل لي رابط تسجيل الدخول بالبريد',
  'emailSignIn.title': 'تسجيل الدخول بالبريد الإلكتروني',
  'emailSignIn.intro':
    'أدخل البريد الإلكتروني الذي تستخدمه في Gatehouse. سنرسل إليك رابطًا ورمزًا لتسجيل الدخول دون كلمة المرور.',
  'emailSignIn.submit': 'أرسل لي رابط تسجيل الدخول بالبريد',
  'emailSignIn.pending': 'جارٍ الإرسال…',
  'emailSignIn.usePassword': 'تسجيل الدخول بكلمة المرور بدلًا من ذلك',
  'emailSignIn.linkInvalid':
    'انتهت صلاحية رابط تسجيل الدخول هذا أو سبق استخدامه. اطلب رابطًا جديدًا أدناه.',
  'emailSignIn.sent.title': 'تحقّق من صندوق الوارد',
  'emailSignIn.sent.body':
    'إذا كان بإمكان {email} تسجيل الدخول إلى Gatehouse، فقد أرسلنا إليه رابطًا ورمزًا من 6 أرقام. تنتهي صلاحيتهما بعد 15 دقيقة ويعملان مرة واحدة.',
  'emailSignIn.sent.help': 'لم تصلك؟ تحقّق من مجلد الرسائل غير المرغوب فيها، أو اطلب رمزًا جديدًا.',
  'emailSignIn.sent.again': 'استخدام عنوان آخر أو إرسال رمز جديد',
  'emailSignIn.code.label': 'رمز تسجيل الدخول',
  'emailSignIn.code.format': 'أدخل الأرقام الستة الواردة في الرسالة',
  'emailSignIn.code.invalid':
    'هذا الرمز غير صحيح أو منتهي الصلاحية. بعد 5 محاولات خاطئة، اطلب رمزًا جديدًا.',
  'emailSignIn.code.submit': 'تسجيل الدخول',
  'emailSignIn.landing.title': 'تسجيل الدخول إلى Gatehouse',
  'emailSignIn.landing.body': 'اضغط الزر لإكمال تسجيل الدخول باستخدام الرابط الوارد في رسالتك.',
  'emailSignIn.landing.button': 'تسجيل الدخول',

  'welcome.title': 'مرحبًا بك في Gatehouse',
  'welcome.intro': 'حسابك جاهز. أخبرنا باسمك لإكمال الإعداد.',
  'welcome.submit': 'متابعة',
};
