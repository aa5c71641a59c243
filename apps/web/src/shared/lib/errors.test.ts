import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, describeError, NetworkError } from '../../api/client';
import { activate } from '../../i18n/i18n';
import { fieldErrors, friendlyError, importProblems, rejectedReason } from './errors';

/** A 422 as the server sends it (apps/server/src/middleware/validation.ts). */
const invalid = (details: unknown[]) =>
  new ApiError(422, 'validation_failed', 'The request is invalid', details, null);

const tooShort = {
  path: 'password',
  message: 'Too small: expected string to have >=8 characters',
  code: 'too_small',
  minimum: 8,
  origin: 'string',
};

afterAll(() => activate('en'));

describe('errors in English', () => {
  it('keeps the sentences as they were, with the server’s own field messages', async () => {
    await activate('en');
    expect(friendlyError(invalid([tooShort]))).toBe(
      'Some details need fixing. Password: Too small: expected string to have >=8 characters.',
    );
    expect(friendlyError(new NetworkError('x'))).toBe(
      'You appear to be offline. Check your connection.',
    );
    expect(friendlyError(new Error('boom'))).toBe('Something went wrong. Please try again.');
    expect(friendlyError(new ApiError(409, 'email_taken', 'Taken', undefined, null))).toBe(
      'An account with this email already exists. Try signing in instead.',
    );
    expect(fieldErrors(invalid([tooShort]))).toEqual({ password: tooShort.message });
  });

  it('says how long to wait after too many attempts', async () => {
    await activate('en', 'en-GB');
    const wait = (s: number | null) => new ApiError(429, 'rate_limited', 'Slow down', null, s);
    expect(friendlyError(wait(30))).toBe('Too many attempts. Try again in 30 seconds.');
    expect(friendlyError(wait(600))).toBe('Too many attempts. Try again in 10 minutes.');
    expect(friendlyError(wait(null))).toBe(
      'Too many attempts. Please wait a little and try again.',
    );
  });

  it('shows the server’s sentence where it says more, and for a code it does not know', async () => {
    await activate('en');
    const quota = new ApiError(
      413,
      'quota_exceeded',
      'That photo (3 MB) would go over your 50 MB.',
      {},
      null,
    );
    expect(friendlyError(quota)).toBe('That photo (3 MB) would go over your 50 MB.');
    const unknown = new ApiError(418, 'teapot', 'I am a teapot', undefined, null);
    expect(friendlyError(unknown)).toBe('I am a teapot');
  });

  it('lists import problems with their file and line', async () => {
    await activate('en');
    const error = new ApiError(
      422,
      'import_invalid',
      'The file is invalid',
      [{ file: 'Habits.csv', line: 3, message: 'No name' }, { message: 'Empty archive' }],
      null,
    );
    expect(importProblems(error)).toEqual(['Habits.csv, line 3: No name', 'Empty archive']);
    expect(friendlyError(error)).toBe(
      'That file can’t be imported. Habits.csv, line 3: No name; Empty archive.',
    );
  });
});

describe('errors in other languages', () => {
  it('phrases a German too_small on a field with its label and minimum', async () => {
    await activate('de');
    expect(friendlyError(invalid([tooShort]))).toBe(
      'Einige Angaben müssen korrigiert werden. Passwort: Mindestens 8 Zeichen.',
    );
    expect(fieldErrors(invalid([tooShort]))).toEqual({ password: 'Mindestens 8 Zeichen' });
  });

  it('phrases bounds, formats and unknown fields by zod’s code', async () => {
    await activate('fr');
    const issues = invalid([
      {
        path: 'measure.target',
        message: 'x',
        code: 'too_small',
        minimum: 0,
        origin: 'number',
        inclusive: false,
      },
      { path: 'email', message: 'x', code: 'invalid_format', format: 'email' },
      { path: 'isAdmin', message: 'Unknown field', code: 'unrecognized_keys' },
    ]);
    expect(fieldErrors(issues)).toEqual({
      'measure.target': 'Doit être supérieur à 0',
      email: 'Saisissez une adresse e-mail valide',
      isAdmin: 'Champ inconnu',
    });
  });

  it('falls back to the server’s text where no code says what went wrong', async () => {
    await activate('de');
    const issues = invalid([
      // A check made after the schema: no code.
      { path: 'groupId', message: 'No such group' },
      // A code this client has no sentence for.
      { path: 'name', message: 'Odd', code: 'some_future_code' },
    ]);
    expect(fieldErrors(issues)).toEqual({ groupId: 'No such group', name: 'Odd' });
    expect(friendlyError(issues)).toBe(
      'Einige Angaben müssen korrigiert werden. groupId: No such group; Name: Odd.',
    );
    // An error code the client does not know: the server's message, not nothing.
    expect(friendlyError(new ApiError(418, 'teapot', 'I am a teapot', undefined, null))).toBe(
      'I am a teapot',
    );
    // Codes whose English says more still get a sentence in the reader's language.
    const quota = new ApiError(413, 'quota_exceeded', 'That photo (3 MB)…', {}, null);
    expect(friendlyError(quota)).toMatch(/^Damit wäre dein Speicherplatz überschritten/);
  });

  it('phrases the server’s own checks by their code (apps/server/src/errors.ts checkFailed)', async () => {
    await activate('de');
    const checks = invalid([
      { path: 'groupId', message: 'No such group', code: 'unknown_reference' },
      { path: 'query.from', message: '`from` must not be after `to`', code: 'date_order' },
      {
        path: 'query.to',
        message: 'At most 366 days after `from`',
        code: 'too_big',
        maximum: 366,
        origin: 'days',
      },
      {
        path: '',
        message: 'At most 20 tokens; revoke one first',
        code: 'limit_reached',
        maximum: 20,
      },
    ]);
    expect(fieldErrors(checks)).toEqual({
      groupId: 'Das gibt es nicht mehr; lade die Seite neu und versuche es erneut',
      'query.from': 'Das Anfangsdatum darf nicht nach dem Enddatum liegen',
      'query.to': 'Höchstens 366 Tage',
      '': 'Das Limit von 20 ist erreicht; entferne zuerst einen Eintrag',
    });
    // No English: neither the server's sentences nor the API paths of fields without a label.
    const text = friendlyError(checks);
    for (const english of ['No such group', 'groupId', 'query.', '`from`', 'tokens']) {
      expect(text).not.toContain(english);
    }
    expect(text).toBe(
      'Einige Angaben müssen korrigiert werden. Das gibt es nicht mehr; lade die Seite neu und ' +
        'versuche es erneut; Das Anfangsdatum darf nicht nach dem Enddatum liegen; Höchstens 366 ' +
        'Tage; Das Limit von 20 ist erreicht; entferne zuerst einen Eintrag.',
    );
  });

  it('says a refused password with the password hints’ sentences, by its rule', async () => {
    await activate('fr');
    const common = 'This password is one of the most common ones…';
    const refused = invalid([
      { path: 'newPassword', message: common, code: 'password_rule', rule: 'common' },
      { path: 'password', message: 'Password is incorrect', code: 'password_incorrect' },
    ]);
    expect(fieldErrors(refused)).toEqual({
      newPassword:
        'Ce mot de passe est parmi les plus courants et figure dans des listes de mots de passe divulgués ; choisissez-en un autre',
      password: 'Le mot de passe est incorrect',
    });
    expect(
      fieldErrors(invalid([{ path: 'p', message: 'x', code: 'password_rule', rule: 'too_short' }])),
    ).toEqual({
      p: 'Utilisez au moins 8 caractères ; quelques mots mis bout à bout font un mot de passe solide et facile à retenir',
    });
    await activate('en');
    // English readers keep the server's own sentence.
    expect(fieldErrors(refused).newPassword).toBe(common);
  });

  it('writes the rate-limit wait in Arabic with Arabic-Indic digits for ar-EG', async () => {
    await activate('ar', 'ar-EG');
    const text = friendlyError(new ApiError(429, 'rate_limited', 'Slow down', null, 30));
    expect(text).toContain('محاولات كثيرة جدًا.');
    expect(text).toContain('٣٠');
    expect(text).not.toMatch(/[0-9]/);
    await activate('ar', 'ar-MA');
    expect(friendlyError(new ApiError(429, 'rate_limited', 'Slow down', null, 30))).toContain('30');
  });

  it('joins sentences without spaces in Japanese', async () => {
    await activate('ja');
    expect(friendlyError(invalid([tooShort]))).toBe(
      '修正が必要な項目があります。パスワード：8文字以上にしてください。',
    );
  });
});

describe('refused check-ins', () => {
  it('stores which sentences, and phrases them in the language shown', async () => {
    const reason = describeError(invalid([tooShort]));
    // Plain JSON: what IndexedDB keeps.
    expect(JSON.parse(JSON.stringify(reason))).toEqual(reason);
    await activate('de');
    expect(rejectedReason({ reason })).toBe(
      'Einige Angaben müssen korrigiert werden. Passwort: Mindestens 8 Zeichen.',
    );
    await activate('en');
    expect(rejectedReason({ reason })).toBe(
      'Some details need fixing. Password: Too small: expected string to have >=8 characters.',
    );
    // A record stored before reasons were ids keeps its English text.
    expect(rejectedReason({ message: 'Old reason.' })).toBe('Old reason.');
  });
});
