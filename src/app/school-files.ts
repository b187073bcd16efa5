/**
 * Files a CPD lead sends the bot in chat (a staff list, the programme, the term calendar,
 * statutory training, qualifications): the bots hand each over with a way to download it, and
 * answer with the card this returns. Import and Cancel come back through card-actions.ts.
 */
export { receiveSchoolFile, LEADS_ONLY, type FileDownload, type ReceivedFile } from './files';
