import type { ServerCatalog } from './en';

export const de: ServerCatalog = {
  'reset.subject': 'Setze dein habit-tracker-Passwort zurück',
  'reset.intro':
    'Jemand (hoffentlich du) möchte das Passwort deines habit-tracker-Kontos zurücksetzen.',
  'reset.chooseHere': 'Hier kannst du ein neues Passwort wählen:',
  'reset.chooseLink': 'Neues Passwort wählen',
  'reset.lifetime':
    'Der Link funktioniert einmal, {minutes, plural, one {# Minute} other {# Minuten}} lang (bis {until}).',
  'reset.signsOut': 'Mit einem neuen Passwort wirst du auf allen Geräten abgemeldet.',
  'reset.ignore':
    'Wenn du das nicht angefordert hast, ignoriere diese E-Mail: Dein Passwort bleibt, wie es ist.',
  'reminder.test.title': 'Erinnerungen sind an',
  'reminder.test.body': 'Dieses Gerät zeigt deine Gewohnheits-Erinnerungen so an.',
  'reminder.one.title': 'Zeit für {name}',
  'reminder.one.body': 'Heute noch zu erledigen.',
  'reminder.one.snoozed': 'Verschobene Erinnerung: heute noch zu erledigen.',
  'reminder.many.title':
    '{count, plural, one {# Gewohnheit zu erledigen} other {# Gewohnheiten zu erledigen}}',
  'reminder.many.more': '{names} und {more, number} weitere',
  'reminder.many.separator': ', ',
};
