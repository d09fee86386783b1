import { z } from 'zod';

export const newMessageSchema = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'must be a lower_snake_case message kind'),
  recipient: z.email(),
  subject: z.string().trim().min(1).max(300),
  bodyText: z.string().min(1).max(100_000),
  bodyHtml: z.string().max(200_000).optional(),
});
export type NewMessage = z.infer<typeof newMessageSchema>;

export type OutgoingMessage = NewMessage & { id: string; attempts: number };

export type DeliveryResult = { ref: string };

// How a message leaves: SMTP when configured, otherwise an .eml file (and a console line).
export type Transport = {
  kind: 'smtp' | 'file';
  deliver: (message: OutgoingMessage) => Promise<DeliveryResult>;
  close: () => void;
};

export type SweepResult = { claimed: number; sent: number; retried: number; failed: number };

// Retry with exponential backoff: 1, 2, 4 … minutes, then give up and mark it failed.
export const MAX_ATTEMPTS = 8;
export function retryDelayMinutes(attempts: number): number {
  return 2 ** Math.max(0, attempts - 1);
}
