import type { ServerCatalog } from './en';

export const zhHans: ServerCatalog = {
  'reset.subject': '重置你的 habit-tracker 密码',
  'reset.intro': '有人（希望是你本人）申请重置你的 habit-tracker 账户密码。',
  'reset.chooseHere': '在这里设置新密码：',
  'reset.chooseLink': '设置新密码',
  'reset.lifetime': '此链接只能使用一次，{minutes, number} 分钟内有效（截至 {until}）。',
  'reset.signsOut': '设置新密码后，你将在所有设备上退出登录。',
  'reset.ignore': '如果这不是你本人的操作，请忽略这封邮件：你的密码不会改变。',
  'reminder.test.title': '提醒已开启',
  'reminder.test.body': '这台设备会像这样显示你的习惯提醒。',
  'reminder.one.title': '该{name}了',
  'reminder.one.body': '今天还没完成。',
  'reminder.one.snoozed': '稍后提醒：今天还没完成。',
  'reminder.many.title': '还有 {count, number} 个习惯要完成',
  'reminder.many.more': '{names} 等另外 {more, number} 个',
  'reminder.many.separator': '、',
};
