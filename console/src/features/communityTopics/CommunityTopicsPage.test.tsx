import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { communityTopic } from '../../../test/fixtures';
import { button, findDialog, waitForNoDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const rowOf = (text: string): HTMLElement => {
  const row = screen.getByText(text).closest<HTMLElement>('tr');
  if (!row) throw new Error(`"${text}" is not in a row`);
  return row;
};
const offline = communityTopic({ id: '66c000000000000000000002', code: 'baking-class', name: '烘焙课', description: null, active: false, sort: 30, version: 0 });

describe('community topics in the console', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['moderator'])));
    bff.on('ops.community.topics.list', () => ok({ items: [communityTopic(), offline] }));
  });

  it('lists the topics with their order and state, and creates one with a reason', async () => {
    bff.on('ops.community.topics.save', (input) => ok(communityTopic({ ...input, id: '66c000000000000000000003', version: 0 })));
    renderConsole('/community-topics', { signedIn: true });

    expect(await screen.findByText('#晒生日#')).toBeTruthy();
    expect(within(rowOf('#晒生日#')).getByText('已上线')).toBeTruthy();
    expect(within(rowOf('#烘焙课#')).getByText('已下线')).toBeTruthy();

    fireEvent.click(button('新建话题'));
    const dialog = await findDialog('新建话题');
    fireEvent.change(within(dialog).getByLabelText('话题编码'), { target: { value: 'New Taste' } });
    fireEvent.change(within(dialog).getByLabelText('话题名称'), { target: { value: '新品试吃' } });
    fireEvent.change(within(dialog).getByLabelText('排序'), { target: { value: '20' } });
    fireEvent.change(within(dialog).getByLabelText('修改原因'), { target: { value: '新品上市活动' } });
    fireEvent.click(button(/^创\s*建$/, dialog));
    expect(await within(dialog).findByText('小写字母、数字或连字符，2–32 位')).toBeTruthy();
    expect(bff.callsTo('ops.community.topics.save')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('话题编码'), { target: { value: 'new-taste' } });
    fireEvent.click(button(/^创\s*建$/, dialog));
    await waitFor(() =>
      expect(bff.callsTo('ops.community.topics.save')).toEqual([{ code: 'new-taste', name: '新品试吃', description: null, sort: 20, active: true, reason: '新品上市活动' }]),
    );
    expect(await screen.findByText('话题 #新品试吃# 已创建')).toBeTruthy();
    await waitForNoDialog();
    await waitFor(() => expect(bff.callsTo('ops.community.topics.list')).toHaveLength(2));
  });

  it('edits a topic on the version loaded (its code fixed) and takes it offline with a reason', async () => {
    bff.on('ops.community.topics.save', (input) => ok(communityTopic({ ...input, version: 3 })));
    renderConsole('/community-topics', { signedIn: true });

    fireEvent.click(within(rowOf(await screen.findByText('#晒生日#').then((cell) => cell.textContent ?? ''))).getByText('编辑'));
    const editing = await findDialog('编辑话题：#晒生日#');
    expect((within(editing).getByLabelText('话题编码') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(within(editing).getByLabelText('排序'), { target: { value: '5' } });
    fireEvent.change(within(editing).getByLabelText('修改原因'), { target: { value: '生日季置顶' } });
    fireEvent.click(button(/^保\s*存$/, editing));
    await waitFor(() =>
      expect(bff.callsTo('ops.community.topics.save')).toEqual([
        { id: communityTopic().id, version: 2, code: 'birthday', name: '晒生日', description: '晒出你的生日蛋糕', sort: 5, active: true, reason: '生日季置顶' },
      ]),
    );
    await waitForNoDialog();

    fireEvent.click(within(rowOf('#晒生日#')).getByText('下线'));
    const toggling = await findDialog('下线话题：#晒生日#');
    fireEvent.change(within(toggling).getByPlaceholderText('将记入操作日志'), { target: { value: '活动结束' } });
    fireEvent.click(button(/^下\s*线$/, toggling));
    await waitFor(() => expect(bff.callsTo('ops.community.topics.save')[1]).toMatchObject({ id: communityTopic().id, version: 2, active: false, reason: '活动结束' }));
    expect(await screen.findByText('话题 #晒生日# 已下线')).toBeTruthy();
  });

  it('says so when the code is taken, and offers a reload on a stale version', async () => {
    bff.on('ops.community.topics.save', () => refused(409, 'STALE_VERSION'));
    renderConsole('/community-topics', { signedIn: true });

    fireEvent.click(within(rowOf(await screen.findByText('#烘焙课#').then((cell) => cell.textContent ?? ''))).getByText('上线'));
    const dialog = await findDialog('上线话题：#烘焙课#');
    fireEvent.change(within(dialog).getByPlaceholderText('将记入操作日志'), { target: { value: '课程重开' } });
    fireEvent.click(button(/^上\s*线$/, dialog));
    expect(await within(dialog).findByText('数据已被他人修改，本次修改未保存')).toBeTruthy();
    fireEvent.click(button(/^刷\s*新$/, dialog));
    await waitFor(() => expect(bff.callsTo('ops.community.topics.list')).toHaveLength(2));
  });

  it('is not open to analysts, even by its URL', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/community-topics', { signedIn: true });
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(bff.callsTo('ops.community.topics.list')).toEqual([]);
  });
});
