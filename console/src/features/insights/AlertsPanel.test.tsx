import type { OpsAlert } from '@cakeday/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { renderConsole } from '../../../test/renderConsole';

const alert: OpsAlert = {
  id: '65f0000000000000000000a1',
  kind: 'kpi',
  subject: 'birthdayParticipation',
  day: '2026-11-28',
  window: { from: '2026-11-22', to: '2026-11-28' },
  value: 100,
  threshold: 250,
  sample: 100,
  state: 'open',
  raisedAt: '2026-11-29T09:00:00+08:00',
  acknowledgedAt: null,
  notified: true,
  version: 0,
};

const openAlertsTab = async () => fireEvent.click(await screen.findByRole('tab', { name: '告警' }));

describe('经营洞察 · 告警', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.insights.kpis', () => ok({ kpis: [] }));
    bff.on('ops.insights.alerts', () => ok({ items: [alert], total: 1 }));
  });

  it('shows ops an open alert with what it saw, and acknowledges it on its version', async () => {
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    bff.on('ops.insights.alertAcknowledge', () => ok({ ...alert, state: 'acknowledged', version: 1 }));
    renderConsole('/insights', { signedIn: true });
    await openAlertsTab();

    const row = (await screen.findByText('生日礼参与率')).closest('tr') as HTMLElement;
    expect(within(row).getByText('KPI 低于目标')).toBeTruthy();
    expect(within(row).getByText('10.0%')).toBeTruthy();
    expect(within(row).getByText('25.0%')).toBeTruthy();
    expect(within(row).getByText('2026-11-22 至 2026-11-28')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: '确 认' }));
    await waitFor(() => expect(bff.callsTo('ops.insights.alertAcknowledge')).toEqual([{ id: alert.id, version: 0 }]));
  });

  it('shows an analyst the alerts without the acknowledge button', async () => {
    bff.on('ops.me', () => ok(sessionOf(['analyst'])));
    renderConsole('/insights', { signedIn: true });
    await openAlertsTab();
    await screen.findByText('生日礼参与率');
    expect(screen.queryByRole('button', { name: /确\s*认/ })).toBeNull();
  });
});
