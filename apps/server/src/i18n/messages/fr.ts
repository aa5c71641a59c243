import type { ServerCatalog } from './en';

export const fr: ServerCatalog = {
  'reset.subject': 'Réinitialisez votre mot de passe habit-tracker',
  'reset.intro':
    'Quelqu’un (vous, nous l’espérons) a demandé à réinitialiser le mot de passe de votre compte habit-tracker.',
  'reset.chooseHere': 'Choisissez un nouveau mot de passe ici :',
  'reset.chooseLink': 'Choisir un nouveau mot de passe',
  'reset.lifetime':
    'Le lien ne fonctionne qu’une fois, pendant {minutes, plural, one {# minute} many {# minutes} other {# minutes}} (jusqu’au {until}).',
  'reset.signsOut': 'Définir un nouveau mot de passe vous déconnecte sur tous vos appareils.',
  'reset.ignore':
    'Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.',
  'reminder.test.title': 'Les rappels sont activés',
  'reminder.test.body': 'Cet appareil affichera vos rappels d’habitudes comme ceci.',
  'reminder.one.title': 'C’est l’heure de {name}',
  'reminder.one.body': 'Encore à faire aujourd’hui.',
  'reminder.one.snoozed': 'Rappel reporté : encore à faire aujourd’hui.',
  'reminder.many.title':
    '{count, plural, one {# habitude à faire} many {# habitudes à faire} other {# habitudes à faire}}',
  'reminder.many.more': '{names} et {more, plural, one {# autre} many {# autres} other {# autres}}',
  'reminder.many.separator': ', ',
};
