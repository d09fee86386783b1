import crypto from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { withClient } from '../../access/with-client.ts';
import { notVisibleError } from '../../access/audit.ts';
import type { Trx } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { AppError } from '../../lib/errors.ts';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentCategory,
  contentMatches,
  type Attachment,
  type NewAttachment,
} from './client-attachment.ts';
import { insertAttachment, selectAttachmentContent, selectAttachments } from './client.queries.ts';
import type { RequestContext } from './client.service.ts';

export async function addAttachment(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: NewAttachment,
  context: RequestContext,
): Promise<Attachment> {
  return withClient(
    trx,
    actor,
    clientId,
    'client.update',
    context,
    { category: attachmentCategory(input.kind) },
    async (access) => {
      const invalid = (message: string, code: string): never => {
        throw new AppError('invalid', message, [{ field: 'contentBase64', message, code }]).withReason(code);
      };
      const encoded = input.contentBase64.replace(/\s/g, '');
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) invalid('The file is not valid base64.', 'not_base64');
      const content = Buffer.from(encoded, 'base64');
      // "+" alone is valid base64 for no bytes at all: an empty file is no attachment.
      if (content.length === 0) invalid('The file is empty.', 'empty_file');
      if (content.length > ATTACHMENT_MAX_BYTES)
        invalid(
          `The file is ${(content.length / 1048576).toFixed(1)} MB; at most ${ATTACHMENT_MAX_BYTES / 1048576} MB.`,
          'file_too_large',
        );
      if (!contentMatches(input.contentType, content))
        invalid(`The file's content is not ${input.contentType}.`, 'content_mismatch');
      const id = await insertAttachment(trx, {
        clientId: access.clientId,
        organizationId: actor.kind === 'user' ? actor.organizationId : access.holderOrganizationId,
        uploadedBy: actor.kind === 'user' ? actor.userId : null,
        kind: input.kind,
        fileName: input.fileName,
        contentType: input.contentType,
        sizeBytes: content.length,
        sha256: crypto.createHash('sha256').update(content).digest('hex'),
        content,
      });
      return {
        result: (await selectAttachments(trx, access.clientId)).find((a) => a.id === id)!,
        audit: { recordType: 'client_attachment', recordId: id, reason: `attachment ${input.kind}` },
      };
    },
  );
}

// The attachments of the categories the caller reaches.
export async function listAttachments(
  trx: Trx,
  actor: Actor,
  clientId: string,
  context: RequestContext,
): Promise<ListEnvelope<Attachment>> {
  return withClient(trx, actor, clientId, 'client.read', context, {}, async (access) => {
    const items = (await selectAttachments(trx, access.clientId)).filter((a) =>
      access.categories.has(attachmentCategory(a.kind)),
    );
    return {
      result: { items, total: items.length, page: 1, perPage: items.length },
      audit: { recordType: 'client_attachment', recordIds: items.map((a) => a.id) },
    };
  });
}

export async function attachmentContent(
  trx: Trx,
  actor: Actor,
  clientId: string,
  attachmentId: string,
  context: RequestContext,
): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  return withClient(trx, actor, clientId, 'client.read', context, {}, async (access) => {
    const found = isUuid(attachmentId) ? await selectAttachmentContent(trx, access.clientId, attachmentId) : undefined;
    if (!found || !access.categories.has(attachmentCategory(found.kind))) {
      throw notVisibleError(
        actor,
        {
          action: 'client.read',
          recordType: 'client_attachment',
          recordId: isUuid(attachmentId) ? attachmentId : undefined,
          clientId: access.clientId,
          requestId: context.requestId,
        },
        found !== undefined,
        'The client has no attachment with that id.',
      );
    }
    return { result: found, audit: { recordType: 'client_attachment', recordId: attachmentId, reason: 'download' } };
  });
}
