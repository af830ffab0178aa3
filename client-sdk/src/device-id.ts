const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * A random device id (22 characters, about 132 bits). Uses Web Crypto where present (browsers,
 * Node, React Native with a polyfill), else Math.random: the id only has to be unique per device,
 * not secret. Persist it (localStorage, AsyncStorage) and pass it back as `deviceId` to keep one
 * presence entry per device across app restarts.
 */
export function randomDeviceId(): string {
  return randomId(22);
}

/** A random id of `length` URL-safe characters (6 bits each), from Web Crypto where present. */
export function randomId(length: number): string {
  const bytes = new Uint8Array(length);
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
  if (webCrypto?.getRandomValues) webCrypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}
