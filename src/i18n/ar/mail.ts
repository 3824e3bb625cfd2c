import type { mail as source } from '../en/mail.js';

/** Arabic: the mails (see ../en/mail.ts). */
export const mail: Record<keyof typeof source, string> = {
  'mail.greeting': 'مرحبًا،',
  'mail.greetingName': 'مرحبًا {name}،',
  'mail.copyLink': 'إذا لم يعمل الزر، فانسخ هذا العنوان والصقه في متصفحك:',
  'mail.verification.subject': 'أكّد عنوان بريدك الإلكتروني',
  'mail.verification.openLink': 'أكّد عنوان البريد الإلكتروني لحسابك في Gatehouse بفتح هذا الرابط:',
  'mail.verification.intro': 'أكّد عنوان البريد الإلكتروني لحسابك في Gatehouse.',
  'mail.verification.validity': 'الرابط صالح لمدة 24 ساعة ويعمل مرة واحدة فقط.',
  'mail.verification.ignore': 'إذا لم تُنشئ حسابًا، يمكنك تجاهل هذه الرسالة.',
  'mail.verification.action': 'تأكيد عنوان البريد الإلكتروني',
  'mail.reset.subject': 'إعادة تعيين كلمة المرور',
  'mail.reset.intro': 'طلب أحدهم إعادة تعيين كلمة المرور لحسابك في Gatehouse.',
  'mail.reset.openLink': 'لاختيار كلمة مرور جديدة، افتح هذا الرابط:',
  'mail.reset.validity':
    'الرابط صالح لمدة ساعة واحدة ويعمل مرة واحدة فقط. تؤدي إعادة التعيين إلى تسجيل خروجك من كل مكان.',
  'mail.reset.ignore': 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة المرور كما هي.',
  'mail.reset.action': 'اختيار كلمة مرور جديدة',
  'mail.invitation.subject': 'أنت مدعو للانضمام إلى مؤسسة على Gatehouse',
  'mail.invitation.invited': 'لقد تمت دعوتك للانضمام إلى مؤسسة على Gatehouse.',
  'mail.invitation.openLink': 'لعرض الدعوة وقبولها، افتح هذا الرابط:',
  'mail.invitation.intro': 'دعاك {inviter} للانضمام إلى <b>{organization}</b> على Gatehouse.',
  'mail.invitation.validity':
    'الرابط صالح لمدة 7 أيام ويعمل مرة واحدة فقط. سجّل الدخول، أو أنشئ حسابًا، بالعنوان الذي أُرسلت إليه هذه الرسالة.',
  'mail.invitation.ignore': 'إذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهل هذه الرسالة.',
  'mail.invitation.action': 'عرض الدعوة',
  'mail.emailSignIn.subject': 'رمز تسجيل الدخول إلى Gatehouse: {code}',
  'mail.emailSignIn.openLink': 'لتسجيل الدخول إلى Gatehouse، افتح هذا الرابط:',
  'mail.emailSignIn.orCode': 'أو أدخل هذا الرمز في صفحة تسجيل الدخول:',
  'mail.emailSignIn.intro':
    'لتسجيل الدخول إلى Gatehouse، استخدم الزر أدناه أو أدخل هذا الرمز في صفحة تسجيل الدخول:',
  'mail.emailSignIn.validity': 'الرابط والرمز صالحان لمدة 15 دقيقة ويعملان مرة واحدة فقط.',
  'mail.emailSignIn.ignore':
    'إذا لم تطلب تسجيل الدخول، فتجاهل هذه الرسالة: لا يمكن لأحد تسجيل الدخول بدونها.',
  'mail.emailSignIn.action': 'تسجيل الدخول',
};
