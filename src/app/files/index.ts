/** What the app root uses of files/: a file a lead sends the bot, checked, then imported on Import. */
export { cancelFileImport, confirmFileImport, receiveSchoolFile, LEADS_ONLY, type FileDownload, type ReceivedFile } from './receive-file';
export { schoolFileKind, FILE_KIND_LABELS } from './file-kind';
