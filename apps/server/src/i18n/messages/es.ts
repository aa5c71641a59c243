import type { ServerCatalog } from './en';

export const es: ServerCatalog = {
  'reset.subject': 'Restablece tu contraseña de habit-tracker',
  'reset.intro':
    'Alguien (esperamos que tú) ha pedido restablecer la contraseña de tu cuenta de habit-tracker.',
  'reset.chooseHere': 'Elige una contraseña nueva aquí:',
  'reset.chooseLink': 'Elegir una contraseña nueva',
  'reset.lifetime':
    'El enlace funciona una sola vez, durante {minutes, plural, one {# minuto} many {# minutos} other {# minutos}} (hasta el {until}).',
  'reset.signsOut':
    'Al establecer una contraseña nueva se cerrará tu sesión en todos los dispositivos.',
  'reset.ignore':
    'Si no lo has pedido tú, ignora este correo: tu contraseña seguirá siendo la misma.',
  'reminder.test.title': 'Los recordatorios están activados',
  'reminder.test.body': 'Este dispositivo mostrará así los recordatorios de tus hábitos.',
  'reminder.one.title': 'Es hora de {name}',
  'reminder.one.body': 'Pendiente para hoy.',
  'reminder.one.snoozed': 'Recordatorio pospuesto: pendiente para hoy.',
  'reminder.many.title':
    '{count, plural, one {# hábito pendiente} many {# hábitos pendientes} other {# hábitos pendientes}}',
  'reminder.many.more': '{names} y {more, number} más',
  'reminder.many.separator': ', ',
};
