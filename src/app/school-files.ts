import type { CardView } from '../cards/views';
import type { AppDeps } from './deps';
import { receiveSchoolFile as receiveImportFile, type ReceivedFile } from './files';
import type { Actor } from './people';
import { attachCourseCertificate, CERTIFICATE_NAME } from './records/course-certificate';
import { attachStatutoryCertificate, waitingStatutoryReport } from './records/statutory-certificate';

/**
 * Files a person sends the bot in chat: a PDF or picture is a certificate (for a statutory training
 * report still waiting for a lead, else for their latest attended booked course)
 * (anyone, issue 26); anything else is a school file a CPD lead imports (a staff list, the programme,
 * the term calendar, statutory training, qualifications, the questionnaire templates, the mentoring programmes). The bots hand each over with a way to
 * download it, and answer with the card this returns. Import and Cancel come back through card-actions.ts.
 */
export async function receiveSchoolFile(deps: AppDeps, actor: Actor, file: ReceivedFile): Promise<CardView> {
  if (CERTIFICATE_NAME.test(file.name)) {
    // A statutory training report waiting for its lead takes the certificate first: it was just reported (issue 26 item 2).
    const waiting = await waitingStatutoryReport(deps, actor);
    return waiting ? attachStatutoryCertificate(deps, actor, waiting, file) : attachCourseCertificate(deps, actor, file);
  }
  return receiveImportFile(deps, actor, file);
}

export { LEADS_ONLY, type FileDownload, type ReceivedFile } from './files';
