import type { ServerCatalog } from './en';

export const ptBR: ServerCatalog = {
  'reset.subject': 'Redefina sua senha do habit-tracker',
  'reset.intro':
    'Alguém (esperamos que você) pediu para redefinir a senha da sua conta do habit-tracker.',
  'reset.chooseHere': 'Escolha uma nova senha aqui:',
  'reset.chooseLink': 'Escolher uma nova senha',
  'reset.lifetime':
    'O link funciona uma única vez, por {minutes, plural, one {# minuto} many {# minutos} other {# minutos}} (até {until}).',
  'reset.signsOut': 'Definir uma nova senha encerra sua sessão em todos os dispositivos.',
  'reset.ignore': 'Se não foi você que pediu, ignore este e-mail: sua senha continua a mesma.',
  'reminder.test.title': 'Os lembretes estão ativados',
  'reminder.test.body': 'Este dispositivo vai mostrar os lembretes dos seus hábitos assim.',
  'reminder.one.title': 'Hora de {name}',
  'reminder.one.body': 'Ainda falta fazer hoje.',
  'reminder.one.snoozed': 'Lembrete adiado: ainda falta fazer hoje.',
  'reminder.many.title':
    '{count, plural, one {# hábito por fazer} many {# hábitos por fazer} other {# hábitos por fazer}}',
  'reminder.many.more': '{names} e mais {more, number}',
  'reminder.many.separator': ', ',
};
