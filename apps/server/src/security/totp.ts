import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const ISSUER = 'Tandem';
/** One 30-second step either side, for clock drift between server and phone. */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(secret: string, accountLabel: string) {
  const otpauthUrl = generateURI({ issuer: ISSUER, label: accountLabel, secret });
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, {
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 240,
  });
  return { otpauthUrl, qrCodeDataUrl, secret };
}

/**
 * Checks a code and returns its time step, or null. A step at or before `lastUsedStep` is
 * refused, so a code seen over someone's shoulder cannot be replayed.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastUsedStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastUsedStep !== null && { afterTimeStep: lastUsedStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten single-use recovery codes like `K7Q2M-9XW4T`; only their hashes are stored. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: count }, () => {
    const chars = Array.from(randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  const normalised = code.replaceAll('-', '').toUpperCase();
  return createHash('sha256').update(normalised).digest('hex');
}
