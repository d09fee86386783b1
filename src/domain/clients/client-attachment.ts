import { z } from 'zod';

export const attachmentKinds = ['resume', 'signed_consent', 'other'] as const;
// The types a résumé or a signed form comes in; the content must match its declared type.
export const attachmentTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export const newAttachmentSchema = z.strictObject({
  kind: z.enum(attachmentKinds),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((n) => !/[\\/\u0000-\u001f]/.test(n), 'must be a file name, without folders'),
  contentType: z.enum(attachmentTypes, { error: `must be one of ${attachmentTypes.join(', ')}` }),
  contentBase64: z
    .string()
    .min(1)
    .max(
      Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4,
      `the file must be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
    ),
});
export type NewAttachment = z.infer<typeof newAttachmentSchema>;

export const attachmentSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  organizationId: z.uuid(),
  kind: z.enum(attachmentKinds),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

// The category an attachment belongs to: a résumé is employment; a signed consent form and anything
// else are kept with identity and contact.
export function attachmentCategory(kind: (typeof attachmentKinds)[number]): 'employment' | 'identity_contact' {
  return kind === 'resume' ? 'employment' : 'identity_contact';
}

// Whether the bytes look like the declared type (their first bytes), so a renamed file is refused.
export function contentMatches(type: (typeof attachmentTypes)[number], bytes: Buffer): boolean {
  switch (type) {
    case 'application/pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/png':
      return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    case 'text/plain':
      return !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
    default: {
      const unknown: never = type;
      return unknown;
    }
  }
}
