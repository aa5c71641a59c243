/**
 * The server's own texts in English, the source catalog (ICU MessageFormat): the password-reset
 * email and the reminder pushes. The other languages have exactly these keys (catalog.test.ts).
 * English wording is what tests and users read today: change it only on purpose.
 */
export const en = {
  'reset.subject': 'Reset your habit-tracker password',
  'reset.intro': 'Someone (we hope you) asked to reset the password of your habit-tracker account.',
  'reset.chooseHere': 'Choose a new password here:',
  'reset.chooseLink': 'Choose a new password',
  'reset.lifetime':
    'The link works once, for {minutes, plural, one {# minute} other {# minutes}} (until {until}).',
  'reset.signsOut': 'Setting a new password signs you out on every device.',
  'reset.ignore': 'If you did not ask for this, ignore this email: your password stays as it is.',
  'reminder.test.title': 'Reminders are on',
  'reminder.test.body': 'This device will show your habit reminders like this.',
  'reminder.one.title': 'Time for {name}',
  'reminder.one.body': 'Still to do today.',
  'reminder.one.snoozed': 'Snoozed reminder: still to do today.',
  'reminder.many.title': '{count, plural, one {# habit to do} other {# habits to do}}',
  'reminder.many.more': '{names} and {more, number} more',
  'reminder.many.separator': ', ',
} as const;

export type ServerMessageId = keyof typeof en;
export type ServerCatalog = Record<ServerMessageId, string>;
