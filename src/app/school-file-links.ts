import type { NoticeView } from '../cards/views/notice';
import type { AppDeps } from './deps';
import { notice } from './notice';
import type { SchoolFileName } from './signed-links';

/** How IT gets the same file without chat, for the answer when there is no public address. */
const CLI_EXPORT: Record<SchoolFileName, string> = {
  'templates.json': 'npm run cli -- templates export --out templates.json',
  'programmes.json': 'npm run cli -- programmes export --out programmes.json',
};

/** The download a lead's answer carries: a signed link to the file, or undefined when links are off. */
function schoolFileDownload(deps: Pick<AppDeps, 'links'>, tenantId: string, staffId: string, file: SchoolFileName): NoticeView['download'] {
  return deps.links ? { label: `Download ${file}`, url: deps.links.schoolFileUrl(tenantId, staffId, file) } : undefined;
}

/** A lead's list (`templates`, `programmes`) with the file's download on it when links are on. */
export function withSchoolFileDownload(view: NoticeView, deps: Pick<AppDeps, 'links'>, tenantId: string, staffId: string, file: SchoolFileName): NoticeView {
  const download = schoolFileDownload(deps, tenantId, staffId, file);
  return download ? { ...view, download } : view;
}

/**
 * `templates export`, `programmes export`: the file as a download, or, without a public address
 * (links need one), why not and who can fix it; never a silent nothing.
 */
export function schoolFileExport(deps: Pick<AppDeps, 'links'>, tenantId: string, staffId: string, file: SchoolFileName, what: { title: string; sendBack: string }): NoticeView {
  const download = schoolFileDownload(deps, tenantId, staffId, file);
  if (!download) {
    return notice(
      'attention',
      `I can't give you ${file} here: this Twilight has no public address (PUBLIC_URL), and downloads from chat need one. Ask whoever runs Twilight to set it. Until then IT can export the file with ${CLI_EXPORT[file]}. ${what.sendBack}`,
      what.title,
    );
  }
  return { ...notice('info', `Here is ${file} (the link works for a few hours: ask again for a fresh one). ${what.sendBack}`, what.title), download };
}
