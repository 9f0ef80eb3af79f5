import { Types } from 'mongoose';
import { deleteMember, resumeErasures } from '../members/deleteMember';
import { MemberModel } from '../members/Member.model';
import { testConfig } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { WishlistModel } from '../wishlist/Wishlist.model';
import { ShareLinkModel } from '../referral/ShareLink.model';

useTestDatabase();
const now = new Date('2026-05-15T04:00:00.000Z');
const context = { now, config: testConfig() };

async function memberWithWishes(): Promise<Types.ObjectId> {
  const member = await buildMember({ nickname: '半途' });
  await WishlistModel.create({ _id: member._id, wishes: [{ kind: 'text', itemId: null, text: '心愿', note: null, createdAt: now }], shared: true, version: 1, updatedAt: now });
  await ShareLinkModel.create({ _id: `w${new Types.ObjectId().toHexString().slice(0, 12)}`, memberId: member._id, kind: 'wishlist', targetId: member._id.toHexString(), createdAt: now });
  return member._id;
}

describe('an erasure that stopped half way', () => {
  afterEach(() => jest.restoreAllMocks());

  it('a crash after the member was anonymised leaves it unfinished; resumeErasures completes it once', async () => {
    const id = await memberWithWishes();
    jest.spyOn(WishlistModel, 'deleteMany').mockRejectedValueOnce(new Error('crash'));
    await expect(deleteMember(id.toHexString(), context)).rejects.toThrow('crash');
    expect(await MemberModel.findById(id).lean()).toMatchObject({ status: 'deleted', nickname: null, erasedAt: null });
    expect(await WishlistModel.countDocuments({ _id: id })).toBe(1);

    expect(await resumeErasures(context)).toBe(1);
    expect(await WishlistModel.countDocuments({ _id: id })).toBe(0);
    expect(await ShareLinkModel.countDocuments({ memberId: id })).toBe(0);
    expect((await MemberModel.findById(id).lean())?.erasedAt).toEqual(now);
    expect(await resumeErasures(context)).toBe(0);
  });

  it('members deleted before the registry existed (no erasedAt) have their copies erased too', async () => {
    const id = await memberWithWishes();
    await MemberModel.updateOne({ _id: id }, { $set: { status: 'deleted', openid: `deleted:${id.toHexString()}`, nickname: null } });
    expect(await resumeErasures(context)).toBe(1);
    expect(await WishlistModel.countDocuments({ _id: id })).toBe(0);
  });
});
