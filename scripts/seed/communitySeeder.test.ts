import mongoose from 'mongoose';
import { buildTestApp } from '../../bff/src/test/app';
import { useTestDatabase } from '../../bff/src/test/database';
import { communitySeeder } from './communitySeeder';

useTestDatabase();

describe('demo community topics', () => {
  it('seeds #晒生日# and the others once; members see them', async () => {
    expect(await communitySeeder.run(mongoose.connection)).toBe('3 topics (3 new)');
    expect(await communitySeeder.run(mongoose.connection)).toBe('3 topics (0 new)');
    const topics = await buildTestApp().http.post('/api/community.topics').send({});
    expect(topics.body.topics.map((topic: { code: string; name: string }) => `${topic.code}:${topic.name}`)).toEqual(['birthday:晒生日', 'new-taste:新品试吃', 'bake-class:烘焙课']);
  });
});
