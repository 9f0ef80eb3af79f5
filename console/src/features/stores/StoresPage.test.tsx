import type { OpsStore } from '@cakeday/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { button, findDialog, waitForNoDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

function store(overrides: Partial<OpsStore> = {}): OpsStore {
  return {
    id: '65f0000000000000000000aa',
    code: 'SH-001',
    name: '人民广场店',
    address: '上海市黄浦区人民大道 1 号',
    phone: '021-5555-0001',
    openingHours: { opens: '08:00', closes: '22:00' },
    location: { latitude: 31.2304, longitude: 121.4737 },
    status: 'open',
    offersPickup: true,
    activeStaff: 2,
    createdAt: '2026-01-01T08:00:00+08:00',
    updatedAt: '2026-01-01T08:00:00+08:00',
    version: 4,
    ...overrides,
  };
}

const type = (dialog: HTMLElement, label: string, value: string): void => {
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
};

describe('a store’s map location in the console', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['admin'])));
    bff.on('ops.stores.list', () => ok({ items: [store()], total: 1, page: 1, pageSize: 20 }));
  });

  it('creates a store with its GCJ-02 latitude and longitude; out of range or only one of them is refused', async () => {
    bff.on('ops.stores.create', (input) => ok(store({ ...input, id: '65f0000000000000000000ab', version: 0 })));
    renderConsole('/stores', { signedIn: true });
    fireEvent.click(await screen.findByText('新建门店'));
    const dialog = await findDialog('新建门店');
    type(dialog, '门店编码', 'SH-002');
    type(dialog, '门店名称', '静安店');
    type(dialog, '纬度（GCJ-02）', '91');
    fireEvent.click(button(/^创\s*建$/, dialog));
    expect(await within(dialog).findByText('纬度须在 -90 到 90 之间')).toBeTruthy();
    expect(within(dialog).getAllByText('纬度与经度须同时填写').length).toBeGreaterThan(0);

    type(dialog, '纬度（GCJ-02）', '31.2235');
    type(dialog, '经度（GCJ-02）', '181');
    fireEvent.click(button(/^创\s*建$/, dialog));
    expect(await within(dialog).findByText('经度须在 -180 到 180 之间')).toBeTruthy();
    expect(bff.callsTo('ops.stores.create')).toEqual([]);

    type(dialog, '经度（GCJ-02）', '121.4453');
    fireEvent.click(button(/^创\s*建$/, dialog));
    await waitFor(() =>
      expect(bff.callsTo('ops.stores.create')).toEqual([
        { code: 'SH-002', name: '静安店', address: '', phone: null, openingHours: null, location: { latitude: 31.2235, longitude: 121.4453 }, offersPickup: true },
      ]),
    );
    await waitForNoDialog();
  });

  it('edits a store’s location and pickup from what was loaded: clearing both coordinates removes it, the switch stops pickup', async () => {
    bff.on('ops.stores.update', (input) => ok(store({ ...input, version: 5 })));
    renderConsole('/stores', { signedIn: true });
    // The toolbar first, then the loaded rows (each wait bounded on its own: a busy machine renders ProTable slowly).
    await screen.findByText('新建门店');
    const row = (await screen.findByText('人民广场店')).closest<HTMLElement>('tr');
    if (!row) throw new Error('the store is not in a row');
    fireEvent.click(within(row).getByText('编辑'));
    const dialog = await findDialog('编辑门店：人民广场店');
    expect((within(dialog).getByLabelText('纬度（GCJ-02）') as HTMLInputElement).value).toBe('31.230400');
    expect((within(dialog).getByLabelText('经度（GCJ-02）') as HTMLInputElement).value).toBe('121.473700');

    type(dialog, '纬度（GCJ-02）', '');
    type(dialog, '经度（GCJ-02）', '');
    const pickup = within(dialog).getByRole('switch', { name: '到店自提' });
    expect(pickup.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(pickup);
    fireEvent.click(button(/^保\s*存$/, dialog));
    await waitFor(() => expect(bff.callsTo('ops.stores.update')).toHaveLength(1));
    expect(bff.callsTo('ops.stores.update')[0]).toMatchObject({ id: store().id, version: 4, location: null, offersPickup: false });
  });
});
