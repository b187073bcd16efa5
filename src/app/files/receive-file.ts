import { createHash } from 'node:crypto';
import type { CardView } from '../../cards/views';
import type { FileImportView, SchoolFileKind } from '../../cards/views/setup';
import { hasRole } from '../../domain';
import { decodeText, workbookInsteadOfText } from '../../imports/decode-text';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import type { Actor } from '../people';
import { FILE_KIND_LABELS, schoolFileKind } from './file-kind';
import { claimPendingFile, dropPendingFile, loadPendingFile, releasePendingFile, savePendingFile } from './pending-file';
import { runFileImport, type FileImportOutcome } from './run-file-import';

/** What a platform hands over: the name it showed, and how to fetch the bytes (within its limits). */
export interface ReceivedFile {
  name: string;
  download(): Promise<FileDownload>;
}

export type FileDownload = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

export const LEADS_ONLY = 'Only CPD leads can import files. If this is a staff list, programme or calendar for Twilight, send it to your CPD lead.';
const WORKBOOK_NAME = /\.(xlsx|xlsm|xlsb|xls|ods|numbers)$/i;

function view(fileName: string, state: FileImportView['state'], tone: FileImportView['notice']['tone'], text: string, extra: Partial<FileImportView> = {}): FileImportView {
  return { kind: 'file-import', fileName, state, notice: { tone, text }, summary: [], details: [], errors: [], notes: [], ...extra };
}

function outcomeView(fileName: string, kind: SchoolFileKind, state: FileImportView['state'], tone: FileImportView['notice']['tone'], text: string, outcome: FileImportOutcome, extra: Partial<FileImportView> = {}): FileImportView {
  return view(fileName, state, tone, text, { what: FILE_KIND_LABELS[kind], summary: outcome.summary, details: outcome.details, errors: outcome.errors, notes: outcome.notes, ...extra });
}

function refusal(outcome: FileImportOutcome): string {
  return `${outcome.refusal ?? 'Nothing was imported.'} Fix the file and send it again: nothing has been changed.`;
}

/**
 * A file a lead sent the bot in chat: checked as its import's dry run, and answered with what
 * would change and every problem, with Import and Cancel. Nothing is written here.
 */
export async function receiveSchoolFile(deps: AppDeps, actor: Actor, file: ReceivedFile): Promise<CardView> {
  if (!hasRole(actor.staff, 'cpd-lead')) return notice('attention', LEADS_ONLY);
  const name = file.name.slice(0, 300) || 'file';
  // A workbook is refused by its name before it is fetched; by its bytes if it was renamed.
  if (WORKBOOK_NAME.test(name)) return view(name, 'refused', 'attention', workbookInsteadOfText(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))!);
  const downloaded = await file.download();
  if (!downloaded.ok) return view(name, 'refused', 'attention', downloaded.message);
  const workbook = workbookInsteadOfText(downloaded.bytes);
  if (workbook) return view(name, 'refused', 'attention', workbook);
  const text = decodeText(downloaded.bytes);
  const kind = schoolFileKind(name, text);
  if (!kind.ok) return view(name, 'refused', 'attention', kind.message);
  const outcome = await runFileImport(deps, actor, { kind: kind.kind, fileName: name, text, dryRun: true });
  if (!outcome.accepted) return outcomeView(name, kind.kind, 'refused', 'attention', refusal(outcome), outcome);
  // The same file again (or one already in): nothing to press.
  if (outcome.changes === 0 && !outcome.leavers) return outcomeView(name, kind.kind, 'unchanged', 'good', 'Nothing to import: everything in this file is already in Twilight.', outcome);
  const sha256 = createHash('sha256').update(downloaded.bytes).digest('hex');
  const fileImportId = await savePendingFile(deps.store, actor.tenant.id, { kind: kind.kind, fileName: name, text, sha256, sentBy: actor.staff.id }, deps.clock.now());
  const advice =
    outcome.changes === 0
      ? 'Everyone in this file is already in Twilight as it says. If the people not in it have left, press Import and mark leavers.'
      : 'Nothing has been imported yet. Check what would change, then press Import (or Cancel).';
  return outcomeView(name, kind.kind, 'preview', 'info', advice, outcome, {
    ...(outcome.changes === 0 ? { onlySecondary: true } : {}),
    fileImportId,
    ...(kind.kind === 'programme' ? { secondary: 'publish' as const } : {}),
    ...(outcome.leavers ? { secondary: 'leavers' as const, leavers: outcome.leavers } : {}),
  });
}

const GONE = 'That file is no longer waiting to be imported (a day has passed, or it was cancelled): send it again.';

/** Import pressed: the file is checked again against what is stored now and, if still good, written whole. */
export async function confirmFileImport(deps: AppDeps, actor: Actor, fileImportId: string, choice: { publish?: boolean; markLeavers?: boolean }): Promise<{ ok: boolean; view: CardView }> {
  if (!hasRole(actor.staff, 'cpd-lead')) return { ok: false, view: notice('attention', LEADS_ONLY) };
  const stored = await loadPendingFile(deps.store, actor.tenant.id, fileImportId);
  if (!stored) return { ok: false, view: notice('attention', GONE) };
  const { file } = stored;
  if (stored.state === 'done') return { ok: true, view: view(file.fileName, 'imported', 'good', 'This file has already been imported: sending or pressing again changes nothing.', { what: FILE_KIND_LABELS[file.kind] }) };
  const now = deps.clock.now();
  if (!(await claimPendingFile(deps.store, actor.tenant.id, fileImportId, stored, now))) {
    return { ok: true, view: view(file.fileName, 'imported', 'good', 'This file is already being imported.', { what: FILE_KIND_LABELS[file.kind] }) };
  }
  let outcome: FileImportOutcome;
  try {
    outcome = await runFileImport(deps, actor, { kind: file.kind, fileName: file.fileName, text: file.text, dryRun: false, ...choice });
  } catch (error) {
    // A write failed part-way (the store, or a record changed meanwhile): Import can be pressed again.
    await releasePendingFile(deps.store, actor.tenant.id, file, now);
    throw error;
  }
  if (!outcome.accepted) {
    // Something changed since the preview (a person removed, a school renamed): nothing was written.
    await releasePendingFile(deps.store, actor.tenant.id, file, now);
    return { ok: false, view: outcomeView(file.fileName, file.kind, 'refused', 'attention', refusal(outcome), outcome) };
  }
  return { ok: true, view: outcomeView(file.fileName, file.kind, 'imported', 'good', `Imported ${file.fileName}.`, outcome) };
}

export async function cancelFileImport(deps: AppDeps, actor: Actor, fileImportId: string): Promise<{ ok: boolean; view: CardView }> {
  if (!hasRole(actor.staff, 'cpd-lead')) return { ok: false, view: notice('attention', LEADS_ONLY) };
  const stored = await loadPendingFile(deps.store, actor.tenant.id, fileImportId);
  if (!stored) return { ok: true, view: notice('info', 'Cancelled: nothing was imported.') };
  if (stored.state === 'done') return { ok: true, view: view(stored.file.fileName, 'imported', 'good', 'This file has already been imported.', { what: FILE_KIND_LABELS[stored.file.kind] }) };
  await dropPendingFile(deps.store, actor.tenant.id, fileImportId);
  return { ok: true, view: view(stored.file.fileName, 'cancelled', 'info', 'Cancelled: nothing was imported.', { what: FILE_KIND_LABELS[stored.file.kind] }) };
}
