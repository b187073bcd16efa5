/** Slack's documented limits for Block Kit surfaces; renderers clip to them and tests check them. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  imageUrl: 3000,
  imageAltText: 2000,
  imageTitle: 2000,
  modalBlocks: 100,
  homeBlocks: 100,
  sectionText: 3000,
  sectionFieldText: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  actionValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  blockId: 255,
  actionId: 255,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  optionText: 75,
  optionValue: 150,
  radioOptions: 10,
  checkboxOptions: 10,
  selectOptions: 100,
  plainTextInputMax: 3000,
  placeholder: 150,
  messageText: 40000,
} as const;

/** Shortens text to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
