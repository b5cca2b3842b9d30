import { hash, verify } from '@node-rs/argon2';

// Argon2id (algorithm 2; the package's enum is `const`, which isolated modules cannot read),
// with the OWASP-recommended minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id (PHC string). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a PHC string; false (never a throw) for a malformed hash. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/** Spends the time of one verification, so that unknown usernames answer as slowly as known ones. */
export async function verifyNothing(password: string): Promise<void> {
  dummy ??= hashPassword('gongwen-dummy-password');
  await verifyPassword(await dummy, password);
}
