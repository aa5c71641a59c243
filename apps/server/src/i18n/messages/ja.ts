import type { ServerCatalog } from './en';

export const ja: ServerCatalog = {
  'reset.subject': 'habit-tracker のパスワードを再設定してください',
  'reset.intro':
    'habit-tracker アカウントのパスワード再設定がリクエストされました（ご本人によるものであることを願っています）。',
  'reset.chooseHere': '新しいパスワードはこちらから設定できます：',
  'reset.chooseLink': '新しいパスワードを設定する',
  'reset.lifetime': 'このリンクは {minutes, number} 分間（{until} まで）、1 回だけ使えます。',
  'reset.signsOut': '新しいパスワードを設定すると、すべての端末でサインアウトされます。',
  'reset.ignore':
    'お心当たりがない場合は、このメールを無視してください。パスワードは変更されません。',
  'reminder.test.title': 'リマインダーがオンになりました',
  'reminder.test.body': 'この端末では、習慣のリマインダーがこのように表示されます。',
  'reminder.one.title': '{name} の時間です',
  'reminder.one.body': '今日はまだ済んでいません。',
  'reminder.one.snoozed': 'スヌーズしたリマインダー：今日はまだ済んでいません。',
  'reminder.many.title': '今日の習慣があと {count, number} 件あります',
  'reminder.many.more': '{names} ほか {more, number} 件',
  'reminder.many.separator': '、',
};
