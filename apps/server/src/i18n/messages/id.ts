import type { ServerCatalog } from './en';

export const id: ServerCatalog = {
  'reset.subject': 'Atur ulang kata sandi habit-tracker Anda',
  'reset.intro':
    'Seseorang (semoga Anda sendiri) meminta untuk mengatur ulang kata sandi akun habit-tracker Anda.',
  'reset.chooseHere': 'Pilih kata sandi baru di sini:',
  'reset.chooseLink': 'Pilih kata sandi baru',
  'reset.lifetime':
    'Tautan ini hanya bisa dipakai sekali, selama {minutes, number} menit (sampai {until}).',
  'reset.signsOut': 'Setelah kata sandi baru disimpan, Anda akan keluar dari semua perangkat.',
  'reset.ignore':
    'Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tetap seperti sekarang.',
  'reminder.test.title': 'Pengingat aktif',
  'reminder.test.body': 'Perangkat ini akan menampilkan pengingat kebiasaan Anda seperti ini.',
  'reminder.one.title': 'Waktunya {name}',
  'reminder.one.body': 'Belum dilakukan hari ini.',
  'reminder.one.snoozed': 'Pengingat ditunda: belum dilakukan hari ini.',
  'reminder.many.title': '{count, number} kebiasaan belum dilakukan',
  'reminder.many.more': '{names} dan {more, number} lainnya',
  'reminder.many.separator': ', ',
};
