export interface HelpView {
  kind: 'help';
  isLead: boolean;
  commands: { command: string; text: string }[];
}
