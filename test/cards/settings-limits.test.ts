import { settingsSections } from '../../src/app/tenants';
import { handleCardAction } from '../../src/app/card-actions';
import { renderAdaptiveCard } from '../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitModal } from '../../src/cards/blockkit';
import type { SettingsFormView } from '../../src/cards/views';
import { ManualClock, SchoolCalendar, Staff, Tenant } from '../../src/domain';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { adaptiveCardProblems } from './adaptive/validate-adaptive-card';

/** A trust of 70 schools: the schools group alone is 141 settings, so `settings` cuts it into sections that fit. */
describe('settings sections fit the platforms: a Slack modal of at most 100 blocks, a Teams card under 28 KB', () => {
  it('cuts a 70-school trust into pages, each within both limits, with every school\'s headteacher on one of them', async () => {
    const clock = new ManualClock('2026-11-24T10:00:00.000Z');
    const store = openEmbeddedStore({ path: ':memory:', clock });
    const schools = Array.from({ length: 70 }, (_, i) => ({ id: `school-${i + 1}`, name: `St Catherine of Alexandria Church of England Voluntary Aided Primary School ${i + 1}` }));
    const tenant = Tenant.parse({ tenantId: 'big', id: 'big', name: 'Big Trust', kind: 'trust', schools });
    await store.tenants.create(tenant);
    const lead = Staff.parse({ tenantId: 'big', id: 'lead', name: 'Lee Lead', email: 'lee@big.example', roles: ['cpd-lead'] });
    await store.staff.create(lead);
    const sections = settingsSections({ tenant, calendar: SchoolCalendar.parse({ tenantId: 'big' }), people: [] });
    // 211 settings in the schools group (the list, then each school's headteacher, CPD leads and own CPD lead): 8 pages of at most 30.
    expect(sections.map((s) => s.section)).toEqual(['schools', 'schools:2', 'schools:3', 'schools:4', 'schools:5', 'schools:6', 'schools:7', 'schools:8', 'approval', 'messages', 'statutory', 'privacy', 'evaluation']);
    const heads = new Set<string>();
    for (const s of sections) {
      const opened = await handleCardAction({ store, clock }, { tenant, staff: lead }, { verb: 'settings.open', settingsSection: s.section });
      const view = opened.view as SettingsFormView;
      expect(view.kind).toBe('settings-form');
      view.fields.filter((f) => f.key.startsWith('headteacher.')).forEach((f) => heads.add(f.key));
      const card = renderAdaptiveCard(view);
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
      const modal = renderBlockKitModal(view, JSON.stringify({ action: { verb: 'settings.save', settingsSection: s.section } }));
      expect(modal.blocks.length).toBeLessThanOrEqual(100);
    }
    expect(heads.size).toBe(70);
    await store.close();
  });
});
