import type { ServerCatalog } from './en';

export const ar: ServerCatalog = {
  'reset.subject': 'إعادة تعيين كلمة مرور habit-tracker',
  'reset.intro': 'طلب أحدهم (ونرجو أن تكون أنت) إعادة تعيين كلمة مرور حسابك في habit-tracker.',
  'reset.chooseHere': 'اختر كلمة مرور جديدة من هنا:',
  'reset.chooseLink': 'اختيار كلمة مرور جديدة',
  'reset.lifetime':
    'يعمل الرابط مرة واحدة فقط، لمدة {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}} (حتى {until}).',
  'reset.signsOut': 'عند تعيين كلمة مرور جديدة سيتم تسجيل خروجك من جميع الأجهزة.',
  'reset.ignore': 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.',
  'reminder.test.title': 'التذكيرات مفعّلة',
  'reminder.test.body': 'سيعرض هذا الجهاز تذكيرات عاداتك بهذا الشكل.',
  'reminder.one.title': 'حان وقت {name}',
  'reminder.one.body': 'لم تُنجز بعد اليوم.',
  'reminder.one.snoozed': 'تذكير مؤجل: لم تُنجز بعد اليوم.',
  'reminder.many.title':
    '{count, plural, zero {لا عادات متبقية} one {عادة واحدة متبقية} two {عادتان متبقيتان} few {# عادات متبقية} many {# عادة متبقية} other {# عادة متبقية}}',
  'reminder.many.more':
    '{names} و{more, plural, zero {# أخرى} one {واحدة أخرى} two {اثنتان أخريان} few {# أخرى} many {# أخرى} other {# أخرى}}',
  'reminder.many.separator': '، ',
};
