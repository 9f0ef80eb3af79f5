import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { moderationWord } from '../../../test/fixtures';
import { button, findDialog, waitForNoDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const page = (items: ReturnType<typeof moderationWord>[]) => ok({ items, total: items.length, page: 1, pageSize: 20 });
const blocked = moderationWord({ id: '66d000000000000000000002', word: '赌博', action: 'block' });
const replaced = moderationWord({ id: '66d000000000000000000003', word: '傻', action: 'replace', replacement: '*' });

describe('the local word list in the console', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['moderator'])));
    bff.on('ops.community.words.list', () => page([moderationWord(), blocked, replaced]));
  });

  it('lists block, review and replace words, and searches the list', async () => {
    renderConsole('/community-words', { signedIn: true });
    expect(await screen.findByText('代购')).toBeTruthy();
    expect(screen.getByText('送审')).toBeTruthy();
    expect(screen.getByText('拦截')).toBeTruthy();
    expect(screen.getByText('替换为 *')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('包含的文字'), { target: { value: ' 赌 ' } });
    fireEvent.click(button(/^查\s*询$/));
    await waitFor(() => expect(bff.callsTo('ops.community.words.list').at(-1)).toEqual({ page: 1, pageSize: 20, query: '赌' }));
  });

  it('adds a replace word with its replacement and a reason; a word already listed is refused with a clear message', async () => {
    let taken = true;
    bff.on('ops.community.words.save', (input) => (taken ? refused(409, 'OPS_WORD_TAKEN') : ok(moderationWord({ ...input, id: '66d000000000000000000004', version: 0 }))));
    renderConsole('/community-words', { signedIn: true });
    await screen.findByText('代购');

    fireEvent.click(button('添加敏感词'));
    const dialog = await findDialog('添加敏感词');
    fireEvent.change(within(dialog).getByLabelText('词语'), { target: { value: '笨蛋' } });
    fireEvent.click(within(dialog).getByText('替换'));
    fireEvent.change(await within(dialog).findByLabelText('替换为'), { target: { value: '**' } });
    fireEvent.change(within(dialog).getByLabelText('修改原因'), { target: { value: '辱骂用语' } });
    fireEvent.click(button(/^添\s*加$/, dialog));
    expect(await within(dialog).findByText('该敏感词已在词库中')).toBeTruthy();

    taken = false;
    fireEvent.click(button(/^添\s*加$/, dialog));
    await waitFor(() => expect(bff.callsTo('ops.community.words.save')).toHaveLength(2));
    expect(bff.callsTo('ops.community.words.save')[1]).toEqual({ word: '笨蛋', action: 'replace', replacement: '**', reason: '辱骂用语' });
    expect(await screen.findByText('敏感词“笨蛋”已保存')).toBeTruthy();
    await waitForNoDialog();
  });

  it('edits a word on the version loaded (a block word keeps no replacement) and deletes one with a reason', async () => {
    bff.on('ops.community.words.save', (input) => ok(moderationWord({ ...input, version: 2 })));
    bff.on('ops.community.words.delete', () => ok({ ok: true }));
    renderConsole('/community-words', { signedIn: true });

    const row = (await screen.findByText('代购')).closest<HTMLElement>('tr');
    if (!row) throw new Error('the word is not in a row');
    fireEvent.click(within(row).getByText('编辑'));
    const editing = await findDialog('编辑敏感词：代购');
    fireEvent.click(within(editing).getByText('拦截'));
    fireEvent.change(within(editing).getByLabelText('修改原因'), { target: { value: '代购广告太多' } });
    fireEvent.click(button(/^保\s*存$/, editing));
    await waitFor(() =>
      expect(bff.callsTo('ops.community.words.save')).toEqual([{ id: moderationWord().id, version: 1, word: '代购', action: 'block', replacement: null, reason: '代购广告太多' }]),
    );
    await waitForNoDialog();

    const blockedRow = screen.getByText('赌博').closest<HTMLElement>('tr');
    if (!blockedRow) throw new Error('the word is not in a row');
    fireEvent.click(within(blockedRow).getByText('删除'));
    const deleting = await findDialog('删除敏感词：赌博');
    fireEvent.change(within(deleting).getByPlaceholderText('将记入操作日志'), { target: { value: '误伤正常内容' } });
    fireEvent.click(button(/^删\s*除$/, deleting));
    await waitFor(() => expect(bff.callsTo('ops.community.words.delete')).toEqual([{ id: blocked.id, version: 1, reason: '误伤正常内容' }]));
    expect(await screen.findByText('已删除敏感词“赌博”')).toBeTruthy();
  });

  it('shows the list to an admin; not open to analysts', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/community-words', { signedIn: true });
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(bff.callsTo('ops.community.words.list')).toEqual([]);
  });
});
