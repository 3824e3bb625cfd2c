/**
 * The webhook seam: the organization service calls `emitEvent` inside the transaction of each
 * change, with the event types the webhook feature delivers; a refused change emits nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { createOrganizationService, type Actor } from '../../src/organizations/service.js';
import type { EmitEvent } from '../../src/webhooks/events.js';
import { buildTestApp, signUp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t?.close());

const context = { ip: null, userAgent: null };

it('emits organization.created, member_added, member_removed and deleted in the change’s transaction', async () => {
  const emitted: Array<{ type: string; data: Record<string, unknown>; inTransaction: boolean }> =
    [];
  const emitEvent: EmitEvent = async (trx, type, data) => {
    emitted.push({ type, data, inTransaction: trx.isTransaction });
  };
  let mailedToken = '';
  const service = createOrganizationService({
    db: t.app.ctx.database.db,
    email: {
      queueInvitation: async (_trx, _afterCommit, input) => {
        mailedToken = input.token;
      },
    },
    sessions: { reissueAccessToken: async () => Promise.reject(new Error('unused')) },
    invalidateUser: async () => {},
    invalidateSession: async () => {},
    emitEvent,
    limits: { beforeMail: async () => {} },
    creation: 'anyone',
  });
  const ownerUser = await signUp(t.app);
  const guestUser = await signUp(t.app);
  const owner: Actor = { userId: ownerUser.id, sessionId: 1, role: 'user' };
  const guest: Actor = { userId: guestUser.id, sessionId: 2, role: 'user' };

  const org = await service.create(owner, { name: 'Hooks' }, context);
  await service.invite(owner, org.id, { email: guestUser.email, role: 'member' }, context);
  await service.acceptInvitation(guest, mailedToken, context);
  // A refused change emits nothing.
  await expect(
    service.changeMember(owner, org.id, owner.userId, 'remove', context),
  ).rejects.toThrow(AppError);
  await service.changeMember(owner, org.id, guest.userId, 'remove', context);
  await service.remove(owner, org.id, context);

  expect(emitted).toEqual([
    {
      type: 'organization.created',
      data: { organization_id: org.id, name: 'Hooks', owner_id: owner.userId },
      inTransaction: true,
    },
    {
      type: 'organization.member_added',
      data: { organization_id: org.id, user_id: guest.userId, role: 'member' },
      inTransaction: true,
    },
    {
      type: 'organization.member_removed',
      data: { organization_id: org.id, user_id: guest.userId },
      inTransaction: true,
    },
    { type: 'organization.deleted', data: { organization_id: org.id }, inTransaction: true },
  ]);
});
