import { DEFAULT_BIRTHDAY_PACKAGES, DEFAULT_PROGRAM_SETTINGS } from '@cakeday/shared';
import mongoose from 'mongoose';
import { uniqueDatabaseUri } from '../test/databaseUri';
import { birthdaySeeder } from './birthdaySeeder';

describe('birthday seeder', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(uniqueDatabaseUri('seed_birthday')).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('inserts the tier packages and the referral template once, keeping later edits', async () => {
    await birthdaySeeder.run(connection);
    await connection.collection('birthday_packages').updateOne({ code: 'birthday-drink' }, { $set: { title: '运营改过的标题' } });
    await birthdaySeeder.run(connection);
    expect(await connection.collection('birthday_packages').countDocuments()).toBe(DEFAULT_BIRTHDAY_PACKAGES.length);
    expect((await connection.collection('birthday_packages').findOne({ code: 'birthday-drink' }))?.title).toBe('运营改过的标题');
    const diamond = await connection.collection('birthday_packages').find({ tiers: 'diamond' }).toArray();
    expect(diamond.map((pkg) => pkg.code).sort()).toEqual(['birthday-cake-upgrade', 'birthday-double-points', 'birthday-drink', 'birthday-month-coupon']);
    expect(await connection.collection('coupon_templates').countDocuments({ code: DEFAULT_PROGRAM_SETTINGS.referral.welcomeTemplateCode })).toBe(1);
    const drink = await connection.collection('birthday_packages').findOne({ code: 'birthday-drink' });
    expect(drink?.window).toMatchObject({ opens: 'days_before', withinBirthdayMonth: true });
    const gifts = await connection.collection('mall_items').find({ code: /^gift-/ }).toArray();
    expect(gifts.map((item) => [item.pointsPrice, item.cashFen > 0])).toEqual([[0, true], [0, true]]);
  });

  it('binds a package seeded before the birthday-month flag existed to the month, keeping an ops choice', async () => {
    await connection.collection('birthday_packages').updateOne({ code: 'birthday-drink' }, { $unset: { 'window.withinBirthdayMonth': 1 } });
    await connection.collection('birthday_packages').updateOne({ code: 'birthday-cake-upgrade' }, { $set: { 'window.withinBirthdayMonth': true } });
    await birthdaySeeder.run(connection);
    expect((await connection.collection('birthday_packages').findOne({ code: 'birthday-drink' }))?.window.withinBirthdayMonth).toBe(true);
    expect((await connection.collection('birthday_packages').findOne({ code: 'birthday-cake-upgrade' }))?.window.withinBirthdayMonth).toBe(true);
  });
});
