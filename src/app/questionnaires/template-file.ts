import { z } from 'zod';
import { builtInReactionTemplates, builtInSurveyTemplates, QuestionnaireTemplate } from '../../domain';
import type { Store } from '../../store/store';
import { upsertWithRetry } from '../../store/update';

/** The file a lead exports, edits and imports: templates without tenant ids, so one file suits any school. */
export const TemplateFile = z.object({
  version: z.literal(1),
  templates: z.array(QuestionnaireTemplate.omit({ tenantId: true })).min(1, 'the file has no templates').max(50),
});
export type TemplateFile = z.infer<typeof TemplateFile>;

/** Every template the tenant can use: built-in ones, with the tenant's stored versions in their place. */
export async function tenantTemplates(deps: { store: Store }, tenantId: string): Promise<QuestionnaireTemplate[]> {
  const stored = (await deps.store.templates.find(tenantId)).map((v) => v.value);
  const builtIn = [...builtInReactionTemplates(tenantId), ...builtInSurveyTemplates(tenantId)].filter((b) => !stored.some((s) => s.id === b.id));
  return [...builtIn, ...stored].sort((a, b) => a.purpose.localeCompare(b.purpose) || a.id.localeCompare(b.id));
}

export async function exportTemplates(deps: { store: Store }, tenantId: string): Promise<string> {
  const file: TemplateFile = { version: 1, templates: (await tenantTemplates(deps, tenantId)).map(({ tenantId: _t, ...rest }) => rest) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "templates[1] (Reaction): questions.2.kind: ..." — where in the file, which template, what is wrong. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const [head, index, ...rest] = issue.path;
  let where = issue.path.length === 0 ? 'the file' : issue.path.join('.');
  if (head === 'templates' && typeof index === 'number') {
    const name = (raw as { templates?: { name?: unknown }[] }).templates?.[index]?.name;
    where = `template ${index + 1}${typeof name === 'string' && name.trim() ? ` ("${name}")` : ''}${rest.length > 0 ? `, ${rest.join('.')}` : ''}`;
  }
  return `${where}: ${issue.message}`;
}

export type TemplateImportResult =
  | { ok: true; created: string[]; updated: string[]; unchanged: string[] }
  | { ok: false; problems: string[] };

/**
 * Reads a templates file (JSON, zod-checked whole before anything is written) and stores each
 * template for the tenant. A template with a built-in id replaces that one for this tenant only;
 * importing the same file twice changes nothing.
 */
export async function importTemplates(deps: { store: Store }, tenantId: string, text: string, options: { dryRun?: boolean } = {}): Promise<TemplateImportResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`This is not a JSON file: ${(error as Error).message}. Start from the file "templates export" writes.`] };
  }
  const parsed = TemplateFile.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => describeIssue(i, raw)) };
  const ids = parsed.data.templates.map((t) => t.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) return { ok: false, problems: [`the id "${twice}" is used by two templates in the file`] };

  const result = { ok: true as const, created: [] as string[], updated: [] as string[], unchanged: [] as string[] };
  const builtIn = new Map([...builtInReactionTemplates(tenantId), ...builtInSurveyTemplates(tenantId)].map((t) => [t.id, t]));
  for (const entry of parsed.data.templates) {
    const doc = QuestionnaireTemplate.parse({ ...entry, tenantId });
    // A built-in template the file leaves as it is stays built in (not stored): export, then import, changes nothing.
    const before = (await deps.store.templates.get(tenantId, doc.id))?.value ?? builtIn.get(doc.id);
    const bucket = !before ? result.created : JSON.stringify(QuestionnaireTemplate.parse(before)) === JSON.stringify(doc) ? result.unchanged : result.updated;
    bucket.push(doc.name);
    if (options.dryRun || bucket === result.unchanged) continue;
    const written = await upsertWithRetry(deps.store.templates, tenantId, doc.id, () => doc);
    if (!written.ok) throw new Error(`template ${doc.id} changed while importing; run the import again`);
  }
  return result;
}
