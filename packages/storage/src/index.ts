export { InvalidContentTypeError } from './content-type';
export { InvalidObjectKeyError, isValidObjectKey } from './key-rules';
export { type ObjectKind, objectKeys, type ParsedObjectKey, parseObjectKey } from './keys';
export { createLocalStore } from './local-store';
export type {
  ListedObjectInfo,
  ObjectBody,
  ObjectStore,
  PresignedUpload,
  StorageConfig,
  StoredObject,
  StoredObjectInfo,
} from './object-store';
export { openObjectStore } from './open';
