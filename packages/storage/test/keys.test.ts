import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidObjectKeyError, isValidObjectKey, objectKeys, parseObjectKey } from '../src/index';

const user = '0b9d3c1e-4f7a-4c2b-9e8d-1a2b3c4d5e6f';
const item = 'f1e2d3c4-b5a6-4978-8899-aabbccddeeff';

describe('object keys', () => {
  it('follows the layout', () => {
    expect(objectKeys.photo(user, item)).toBe(`users/${user}/photos/${item}`);
    expect(objectKeys.thumbnail(user, item)).toBe(`users/${user}/thumbnails/${item}.webp`);
    expect(objectKeys.export(user, item)).toBe(`users/${user}/exports/${item}.zip`);
    expect(objectKeys.importUpload(user, item)).toBe(`users/${user}/imports/${item}`);
    expect(objectKeys.user(user)).toBe(`users/${user}/`);
  });

  it('builds only keys that pass the key rules', () => {
    for (const build of [
      objectKeys.photo,
      objectKeys.thumbnail,
      objectKeys.export,
      objectKeys.importUpload,
    ]) {
      expect(isValidObjectKey(build(randomUUID(), randomUUID()))).toBe(true);
    }
  });

  it('refuses ids that are not lowercase UUIDs', () => {
    for (const bad of [
      '',
      '..',
      '../x',
      `${user}/..`,
      user.toUpperCase(),
      `${user} `,
      'not-a-uuid',
      `${user}\0`,
    ]) {
      expect(() => objectKeys.photo(bad, item), JSON.stringify(bad)).toThrow(InvalidObjectKeyError);
      expect(() => objectKeys.photo(user, bad), JSON.stringify(bad)).toThrow(InvalidObjectKeyError);
      expect(() => objectKeys.user(bad), JSON.stringify(bad)).toThrow(InvalidObjectKeyError);
    }
  });

  it('parses every kind back to its owner and id', () => {
    expect(parseObjectKey(objectKeys.photo(user, item))).toEqual({
      kind: 'photo',
      userId: user,
      id: item,
    });
    expect(parseObjectKey(objectKeys.thumbnail(user, item))).toEqual({
      kind: 'thumbnail',
      userId: user,
      id: item,
    });
    expect(parseObjectKey(objectKeys.export(user, item))).toEqual({
      kind: 'export',
      userId: user,
      id: item,
    });
    expect(parseObjectKey(objectKeys.importUpload(user, item))).toEqual({
      kind: 'importUpload',
      userId: user,
      id: item,
    });
  });

  it('parses anything else to null', () => {
    for (const other of [
      '',
      objectKeys.user(user),
      `users/${user}/photos/${item}.webp`,
      `users/${user}/thumbnails/${item}`,
      `users/${user}/exports/${item}`,
      `users/${user}/videos/${item}`,
      `users/${user}/photos/${item}/extra`,
      `users/not-a-uuid/photos/${item}`,
      `users/${user}/photos/not-a-uuid`,
      `people/${user}/photos/${item}`,
      `users/${user.toUpperCase()}/photos/${item}`,
    ]) {
      expect(parseObjectKey(other), other).toBeNull();
    }
  });
});
