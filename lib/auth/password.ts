import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import bcrypt from "bcryptjs";

// Password hashes: scrypt (memory-hard, OWASP's "N=2^15, r=8, p=3"), computed by Node's crypto in
// libuv's thread pool, so a sign-in never blocks the server's JavaScript thread (bcryptjs, pure
// JavaScript, held it for 0.3–1 s per sign-in; docs/performance.md). Stored as
// "scrypt$<log2 N>$<r>$<p>$<salt, base64>$<key, base64>". Hashes of the bcrypt era ("$2b$…") still
// verify, and are replaced by scrypt at the next successful sign-in (`needsRehash`).

const COST = { log2N: 15, r: 8, p: 3 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function derive(password: string, salt: Buffer, cost: { log2N: number; r: number; p: number }, bytes: number): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  // maxmem: 128 · N · r bytes is what scrypt needs; twice that leaves room for Node's own accounting.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize("NFC"), salt, bytes, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST, KEY_BYTES);
  return `scrypt$${COST.log2N}$${COST.r}$${COST.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** Whether `password` is the one `stored` was made from; false for anything that is not a hash we know. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (m) {
    const cost = { log2N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
    // Parameters outside a sane range are refused instead of computed (a row could hold anything).
    if (cost.log2N < 10 || cost.log2N > 20 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) return false;
    const expected = Buffer.from(m[5]!, "base64");
    if (expected.length < 16 || expected.length > 64) return false;
    const key = await derive(password, Buffer.from(m[4]!, "base64"), cost, expected.length);
    return timingSafeEqual(key, expected);
  }
  if (/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(stored)) return bcrypt.compare(password, stored);
  return false;
}

/** A stored hash of an older kind or cost, to be replaced after a successful sign-in. */
export function needsRehash(stored: string): boolean {
  const m = FORMAT.exec(stored);
  return !m || Number(m[1]) !== COST.log2N || Number(m[2]) !== COST.r || Number(m[3]) !== COST.p;
}

/** A hash of a random password nobody knows: checked against when the e-mail is unknown, so the answer takes as long. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString("base64"));
  return dummy;
}
