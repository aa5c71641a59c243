import type { ServerCatalog } from './en';

export const italian: ServerCatalog = {
  'reset.subject': 'Reimposta la password di habit-tracker',
  'reset.intro':
    'Qualcuno (speriamo tu) ha chiesto di reimpostare la password del tuo account habit-tracker.',
  'reset.chooseHere': 'Scegli una nuova password qui:',
  'reset.chooseLink': 'Scegli una nuova password',
  'reset.lifetime':
    'Il link funziona una sola volta, per {minutes, plural, one {# minuto} many {# minuti} other {# minuti}} (fino al {until}).',
  'reset.signsOut': 'Impostando una nuova password uscirai da tutti i dispositivi.',
  'reset.ignore':
    'Se non l’hai chiesto tu, ignora questa email: la tua password resta quella di prima.',
  'reminder.test.title': 'I promemoria sono attivi',
  'reminder.test.body': 'Questo dispositivo mostrerà così i promemoria delle tue abitudini.',
  'reminder.one.title': 'È ora di {name}',
  'reminder.one.body': 'Ancora da fare oggi.',
  'reminder.one.snoozed': 'Promemoria posticipato: ancora da fare oggi.',
  'reminder.many.title':
    '{count, plural, one {# abitudine da fare} many {# abitudini da fare} other {# abitudini da fare}}',
  'reminder.many.more': '{names} e {more, plural, one {# altra} many {# altre} other {# altre}}',
  'reminder.many.separator': ', ',
};
