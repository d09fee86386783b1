import { SecretBoxError, type SecretBox } from '../../lib/secret-box.ts';
import { AppError } from '../../lib/errors.ts';
import { MATCH_TOKEN_MINUTES } from './client-access-request.ts';

// A token naming a record the caller found but may not see, sealed to the caller's organization,
// so the request can name the record without the caller ever learning its id.
export function matchToken(box: SecretBox, clientId: string, organizationId: string, now = Date.now()): string {
  return box.seal(JSON.stringify({ clientId, exp: now + MATCH_TOKEN_MINUTES * 60_000 }), `match:${organizationId}`);
}

export function openMatchToken(box: SecretBox, token: string, organizationId: string): string {
  try {
    const { clientId, exp } = JSON.parse(box.open(token, `match:${organizationId}`)) as {
      clientId: string;
      exp: number;
    };
    if (typeof clientId === 'string' && exp > Date.now()) return clientId;
  } catch (error) {
    if (!(error instanceof SecretBoxError) && !(error instanceof SyntaxError)) throw error;
  }
  throw new AppError('invalid', 'This match has expired or is not yours: search again.', [
    { field: 'matchToken', message: 'expired or invalid' },
  ]);
}
