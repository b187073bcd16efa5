import type { z } from 'zod';
import { handleCardAction } from '../../../src/app/card-actions';
import { loadSettingsContext, settingsSections } from '../../../src/app/tenants';
import { renderAdaptiveCard } from '../../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitModal } from '../../../src/cards/blockkit';
import type { CardView } from '../../../src/cards/views';
import { runCli } from '../../../src/cli/run-cli';
import { ApproverRole, ManualClock, settingDefinitions, Staff, Tenant, TenantSettings, type SettingDefinition, type SettingsContext } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';

/**
 * "No dead settings" (issue 25): every field of the stored tenant settings is some setting's
 * storage, and every setting can be changed by each surface — `settings set` on the command line
 * and the `settings` form in chat (an input on both platforms' renderings, saved through the card action).
 */

const T = 'walk';
const SCHOOLS = [
  { id: 'riverside', name: 'Riverside' },
  { id: 'hill', name: 'Hill' },
];

/** A new value each setting accepts: a setting without one fails the test, so none is left out. */
function sampleFor(key: string): string | undefined {
  if (key.startsWith('headteacher.')) return 'bea@walk.example';
  if (key.startsWith('skip-under.')) return '150';
  if (key.startsWith('school-cpd-lead.')) return 'cat@walk.example';
  if (key === 'cpd-lead.riverside') return 'lee@walk.example, cat@walk.example';
  if (key === 'cpd-lead.hill') return 'bea@walk.example';
  if (key === 'statutory-group.dsl') return 'cat@walk.example';
  if (key === 'statutory-group.first-aiders') return 'bea@walk.example, cat@walk.example';
  const samples: Record<string, string> = {
    schools: 'Riverside; Hill; Oak',
    'approval-chain': 'headteacher, line manager',
    'executive-lead': 'bea@walk.example',
    booker: 'bea@walk.example',
    'approval-nudge-days': '5',
    'quiet-hours': '19:00-07:00',
    'quiet-weekends': 'no',
    'time-zone': 'Europe/Dublin',
    'reminder-day-before-at': '16:00',
    'reminder-minutes-before': '30',
    'questionnaire-reminder-hours': '48',
    'questionnaire-closes-days': '10',
    'gap-task-nudge-days': '5, 2',
    'digest-day': 'friday',
    'digest-time': '08:00',
    'induction-digest-day': 'wednesday',
    'follow-up-weeks': '8',
    'statutory-warning-weeks': '6',
    // Keeps the default groups, so their own settings are still there to change.
    'statutory-topics': 'Safeguarding: everyone, 12 months; DSL: DSL, 24 months; First aid: First aiders, 36 months; Online safety: everyone, 2 years',
    'min-group-size': '6',
    'retention-days': '400',
    'year-ahead-review-window': '15 September',
    'year-ahead-prompt-weeks': '3',
    'facilitator-hourly-rate': '42.50',
    'supply-cover-half-day': '110',
  };
  return samples[key];
}

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every stored leaf under `path`: objects are walked, records expanded over the keys the tenant can have. */
function leaves(schema: z.ZodType, path: string, recordKeys: (path: string) => string[]): string[] {
  let def = defOf(schema);
  while ((def.type === 'default' || def.type === 'optional') && def.innerType) def = defOf(def.innerType);
  if (def.type === 'object') {
    const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? (unwrapObject(schema) as Record<string, z.ZodType>);
    return Object.entries(shape).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`, recordKeys));
  }
  if (def.type === 'record') return recordKeys(path).map((k) => `${path}.${k}`);
  return [path];
}

function unwrapObject(schema: z.ZodType): Record<string, z.ZodType> {
  let current = schema;
  let def = defOf(current);
  while ((def.type === 'default' || def.type === 'optional') && def.innerType) {
    current = def.innerType;
    def = defOf(current);
  }
  return (current as unknown as { shape: Record<string, z.ZodType> }).shape;
}

/** The stored value at a definition's `stored` path (a role on staff records: who holds it, as the definition reads them). */
function storedAt(docs: SettingsContext, definition: SettingDefinition): unknown {
  if (definition.stored.startsWith('staff.')) return definition.show(docs);
  const [root, ...rest] = definition.stored.split('.');
  let value: unknown = root === 'calendar' ? docs.calendar : docs.tenant;
  for (const part of rest) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

function inputIds(view: CardView): { teams: string[]; slack: string[] } {
  const card = renderAdaptiveCard(view);
  const teams: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') teams.push(o.id);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  const modal = renderBlockKitModal(view as Parameters<typeof renderBlockKitModal>[0], '{}');
  const slack = (modal.blocks as { type: string; block_id?: string }[]).filter((b) => b.type === 'input').map((b) => String(b.block_id).replace(/^field:/, ''));
  return { teams, slack };
}

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`no dead settings (${label})`, () => {
    afterAll(done);

    async function world() {
      const clock = new ManualClock('2026-11-24T10:00:00.000Z');
      const store = await open(clock);
      await store.tenants.create(Tenant.parse({ tenantId: T, id: T, name: 'Walk Trust', kind: 'trust', schools: SCHOOLS }));
      const lead = Staff.parse({ tenantId: T, id: 'lead', name: 'Lee Lead', email: 'lee@walk.example', roles: ['staff', 'cpd-lead'], schoolId: 'riverside' });
      await store.staff.create(lead);
      await store.staff.create(Staff.parse({ tenantId: T, id: 'bea', name: 'Bea Head', email: 'bea@walk.example', schoolId: 'hill' }));
      await store.staff.create(Staff.parse({ tenantId: T, id: 'cat', name: 'Cat Teach', email: 'cat@walk.example', schoolId: 'riverside' }));
      return { clock, store, lead };
    }

    it('every stored setting is a definition\'s storage, and every definition can be changed on the command line and in chat on both platforms', async () => {
      const { clock, store, lead } = await world();
      try {
        const context = (await loadSettingsContext({ store }, T))!;
        const definitions = settingDefinitions(context.tenant);
        const recordKeys = (path: string) => (path.endsWith('headteacherBySchool') || path.endsWith('cpdLeadBySchool') ? SCHOOLS.map((s) => s.id) : path.endsWith('skipUnderPence') ? [...ApproverRole.options] : []);
        const storedLeaves = [
          ...leaves(TenantSettings, 'tenant.settings', recordKeys),
          'tenant.schools',
          // The calendar's settings (its terms and holidays are data, changed by import calendar).
          'calendar.quietHours',
          'calendar.quietWeekends',
          // Each school's CPD leads: the one setting kept on staff records (the role), not the tenant.
          'staff.roles.cpd-lead',
          // Who is in each statutory group the topics name: kept on staff records too.
          'staff.statutoryGroups.dsl',
          'staff.statutoryGroups.first-aiders',
        ];
        const covered = new Set(definitions.map((d) => d.stored));
        expect(storedLeaves.filter((leaf) => !covered.has(leaf))).toEqual([]);
        expect(definitions.filter((d) => !storedLeaves.includes(d.stored)).map((d) => d.key)).toEqual([]);

        // Chat: every setting is an input of some section, on the Teams card and in the Slack modal.
        const sections = settingsSections(context);
        const teams = new Set<string>();
        const slack = new Set<string>();
        for (const s of sections) {
          const opened = await handleCardAction({ store, clock }, { tenant: context.tenant, staff: lead }, { verb: 'settings.open', settingsSection: s.section });
          const ids = inputIds(opened.view);
          ids.teams.forEach((id) => teams.add(id));
          ids.slack.forEach((id) => slack.add(id));
        }
        const keys = definitions.map((d) => d.key);
        expect(keys.filter((k) => !teams.has(k))).toEqual([]);
        expect(keys.filter((k) => !slack.has(k))).toEqual([]);

        // Each surface changes each stored value.
        const missingSamples = keys.filter((k) => sampleFor(k) === undefined);
        expect(missingSamples).toEqual([]);
        const unchanged: string[] = [];
        for (const definition of definitions) {
          const before = storedAt((await loadSettingsContext({ store }, T))!, definition);
          const lines: string[] = [];
          const code = await runCli(['settings', 'set', definition.key, sampleFor(definition.key)!, '--tenant', T], { store, clock, defaultTenantId: T, print: (l) => lines.push(l) });
          const after = storedAt((await loadSettingsContext({ store }, T))!, definition);
          if (code !== 0 || JSON.stringify(after) === JSON.stringify(before)) unchanged.push(`cli ${definition.key}: ${lines.join(' ')}`);
        }
        expect(unchanged).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('and in chat: saving a section changes each of its settings', async () => {
      const { clock, store, lead } = await world();
      try {
        const context = (await loadSettingsContext({ store }, T))!;
        const unchanged: string[] = [];
        for (const definition of settingDefinitions(context.tenant)) {
          const now = (await loadSettingsContext({ store }, T))!;
          const section = settingsSections(now).find((s) => s.rows.some((r) => r.key === definition.key))!;
          const inputs = { ...Object.fromEntries(section.rows.map((r) => [r.key, r.value])), [definition.key]: sampleFor(definition.key)! };
          const before = storedAt(now, definition);
          const saved = await handleCardAction({ store, clock }, { tenant: now.tenant, staff: lead }, { verb: 'settings.save', settingsSection: section.section }, inputs);
          const after = storedAt((await loadSettingsContext({ store }, T))!, definition);
          if (!saved.ok || JSON.stringify(after) === JSON.stringify(before)) unchanged.push(`chat ${definition.key}: ${JSON.stringify(saved.view)}`);
        }
        expect(unchanged).toEqual([]);
        const tenant = (await store.tenants.get(T, T))!.value;
        expect(tenant.settingsHistory!.every((h) => h.by === 'lead' && h.byName === 'Lee Lead')).toBe(true);
      } finally {
        await store.close();
      }
    });
  });
}

onBothStores('deadsettings', suite);
