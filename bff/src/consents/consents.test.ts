import { consentTexts } from '@cakeday/shared';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { MemberModel } from '../members/Member.model';
import { ConsentModel } from './Consent.model';

useTestDatabase();

const now = new Date('2026-05-10T04:00:00.000Z');
const { http } = buildTestApp({ now: () => now });

async function signedIn(): Promise<{ memberId: string; auth: string }> {
  const member = await buildMember();
  return { memberId: member._id.toHexString(), auth: await sessionFor(member, { now }) };
}

describe('consents', () => {
  it('401 on every consent route without a session', async () => {
    for (const route of ['consents.list', 'consents.grant', 'consents.withdraw']) {
      expect((await http.post(`/api/${route}`).send({})).status).toBe(401);
    }
  });

  it('400 for an unknown purpose or a missing version', async () => {
    const { auth } = await signedIn();
    expect((await http.post('/api/consents.grant').set('Authorization', auth).send({ purpose: 'location', version: 'v1' })).status).toBe(400);
    expect((await http.post('/api/consents.grant').set('Authorization', auth).send({ purpose: 'birthday' })).status).toBe(400);
    expect((await http.post('/api/consents.withdraw').set('Authorization', auth).send({})).status).toBe(400);
  });

  it('409 for a grant of an outdated text and for withdrawing what was never granted', async () => {
    const { auth } = await signedIn();
    const outdated = await http.post('/api/consents.grant').set('Authorization', auth).send({ purpose: 'marketing_messages', version: 'marketing-2020-01' });
    expect([outdated.status, outdated.body.error.code]).toEqual([409, 'CONSENT_VERSION_OUTDATED']);
    const never = await http.post('/api/consents.withdraw').set('Authorization', auth).send({ purpose: 'marketing_messages' });
    expect([never.status, never.body.error.code]).toEqual([409, 'CONSENT_NOT_GRANTED']);
  });

  it('200: list shows the texts; grant and withdraw append records (who, what, version, when)', async () => {
    const { memberId, auth } = await signedIn();
    const empty = await http.post('/api/consents.list').set('Authorization', auth).send({});
    expect(empty.status).toBe(200);
    expect(empty.body.consents).toEqual([
      expect.objectContaining({ purpose: 'birthday', granted: false, currentVersion: consentTexts.birthday.version, text: consentTexts.birthday.text }),
      expect.objectContaining({ purpose: 'marketing_messages', granted: false, currentVersion: consentTexts.marketing_messages.version }),
      expect.objectContaining({ purpose: 'sms_marketing', granted: false, currentVersion: consentTexts.sms_marketing.version, text: consentTexts.sms_marketing.text }),
    ]);

    const version = consentTexts.marketing_messages.version;
    const granted = await http.post('/api/consents.grant').set('Authorization', auth).send({ purpose: 'marketing_messages', version });
    expect(granted.body).toMatchObject({ purpose: 'marketing_messages', granted: true, grantedVersion: version, grantedAt: '2026-05-10T12:00:00+08:00', needsRenewal: false });
    await http.post('/api/consents.grant').set('Authorization', auth).send({ purpose: 'marketing_messages', version });
    const withdrawn = await http.post('/api/consents.withdraw').set('Authorization', auth).send({ purpose: 'marketing_messages' });
    expect(withdrawn.body).toMatchObject({ granted: false, grantedVersion: null });

    const list = await http.post('/api/consents.list').set('Authorization', auth).send({});
    expect(list.body.records).toEqual([
      { purpose: 'marketing_messages', action: 'withdraw', version, at: '2026-05-10T12:00:00+08:00', via: 'app' },
      { purpose: 'marketing_messages', action: 'grant', version, at: '2026-05-10T12:00:00+08:00', via: 'app' },
    ]);
    expect(await ConsentModel.countDocuments({ memberId })).toBe(2);
  });

  it('withdrawing the birthday consent deletes the stored birthday', async () => {
    const { memberId, auth } = await signedIn();
    const set = await http.post('/api/members.setBirthday').set('Authorization', auth).send({ month: 9, day: 15, consentVersion: consentTexts.birthday.version });
    expect(set.status).toBe(200);
    const withdrawn = await http.post('/api/consents.withdraw').set('Authorization', auth).send({ purpose: 'birthday' });
    expect(withdrawn.status).toBe(200);
    const member = await MemberModel.findById(memberId).lean();
    expect(member?.birthday).toBeNull();
    // Set-once still holds: re-setting after a withdrawal uses the one correction.
    expect(member?.birthdayHistory.firstSetAt).toEqual(now);
  });
});
