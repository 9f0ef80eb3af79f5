import { BIRTHDAY_SHOW_TOPIC_CODE } from '@cakeday/shared';
import type { Connection } from 'mongoose';
import type { Seeder } from './seeders';

/** The community's starting topics (ops add and retire them in the console); #晒生日# is what the home card presets. */
export const DEMO_TOPICS = [
  { code: BIRTHDAY_SHOW_TOPIC_CODE, name: '晒生日', description: '晒出你的生日蛋糕和生日礼', sort: 10 },
  { code: 'new-taste', name: '新品试吃', description: '新品上市，说说你的口味', sort: 20 },
  { code: 'bake-class', name: '烘焙课', description: '烘焙课作品与心得', sort: 30 },
] as const;

export const communitySeeder: Seeder = {
  name: 'community topics',
  async run(connection: Connection) {
    const now = new Date();
    let created = 0;
    for (const topic of DEMO_TOPICS) {
      const result = await connection.collection('community_topics').updateOne(
        { code: topic.code },
        { $setOnInsert: { ...topic, active: true, version: 0, auditSeqs: [], createdAt: now, updatedAt: now } },
        { upsert: true },
      );
      created += result.upsertedCount;
    }
    return `${DEMO_TOPICS.length} topics (${created} new)`;
  },
};
