import path from 'node:path';
import ts from 'typescript';

/**
 * The card JSON is typed (Block Kit with @slack/types, Adaptive Cards with src/cards/adaptive/schema.ts),
 * so a wrong field fails the type check rather than a client. Jest runs ts-jest without type checks,
 * so this compiles a small file against the real types with the project's tsconfig and reads the
 * diagnostics: each wrong card must be refused, naming the wrong field or value; the right ones pass.
 */

const ROOT = path.resolve(__dirname, '../..');
const FILE = path.join(ROOT, 'test/cards/__card-json-probe__.ts');

const HEADER = `
import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import type { BlockKitModal } from '../../src/cards/blockkit/block-types';
import { mrkdwn, plain } from '../../src/cards/blockkit/blocks';
import { text } from '../../src/cards/adaptive/elements';
import type { AdaptiveAction, AdaptiveCard, AdaptiveElement } from '../../src/cards/adaptive/schema';
export {};
`;

/** Each case is one statement; `wrong` is a word the compiler's message must name. */
const REFUSED: { name: string; code: string; wrong: string }[] = [
  { name: 'a section with txt for text', code: `const x: SectionBlock = { type: 'section', txt: mrkdwn('Hello') };`, wrong: 'txt' },
  { name: 'a block type Slack does not know', code: `const x: KnownBlock = { type: 'sektion', text: mrkdwn('Hello') };`, wrong: 'sektion' },
  {
    name: 'a plain_text_input with max_lenght',
    code: `const x: KnownBlock = { type: 'input', block_id: 'b', label: plain('Name'), element: { type: 'plain_text_input', action_id: 'a', max_lenght: 10 } };`,
    wrong: 'max_lenght',
  },
  { name: 'a button style Slack does not have', code: `const x: Button = { type: 'button', text: plain('Go'), action_id: 'go', style: 'warning' };`, wrong: 'warning' },
  { name: 'header text as mrkdwn', code: `const x: KnownBlock = { type: 'header', text: mrkdwn('Title') };`, wrong: 'mrkdwn' },
  { name: 'a modal with no close button', code: `const x: BlockKitModal = { type: 'modal', callback_id: 'c', title: plain('T'), private_metadata: '', blocks: [] };`, wrong: 'close' },
  { name: 'an Input.Text with maxLenght', code: `const x: AdaptiveElement = { type: 'Input.Text', id: 'what', maxLenght: 200 };`, wrong: 'maxLenght' },
  { name: "a TextBlock size 'Huge'", code: `const x: AdaptiveElement = { type: 'TextBlock', text: 'Hi', size: 'Huge' };`, wrong: 'Huge' },
  { name: 'the text() helper with weigth', code: `const x = text('Hi', { weigth: 'Bolder' });`, wrong: 'weigth' },
  { name: 'an input without an id', code: `const x: AdaptiveElement = { type: 'Input.Date', label: 'When' };`, wrong: 'id' },
  { name: 'an Input.Toggle without its title', code: `const x: AdaptiveElement = { type: 'Input.Toggle', id: 't' };`, wrong: 'title' },
  { name: "a container style 'loud'", code: `const x: AdaptiveElement = { type: 'Container', style: 'loud', items: [] };`, wrong: 'loud' },
  { name: "Action.Execute associatedInputs 'all'", code: `const x: AdaptiveAction = { type: 'Action.Execute', verb: 'v', associatedInputs: 'all' };`, wrong: 'all' },
  { name: 'Action.OpenUrl without a url', code: `const x: AdaptiveAction = { type: 'Action.OpenUrl', title: 'Open' };`, wrong: 'url' },
  { name: 'an element Adaptive Cards do not have', code: `const x: AdaptiveElement = { type: 'Input.Slider', id: 's' };`, wrong: 'Input.Slider' },
  { name: 'a donut slice colour Teams does not name', code: `const x: AdaptiveElement = { type: 'Chart.Donut', data: [{ legend: 'a', value: 1, color: 'pink' }] };`, wrong: 'pink' },
  { name: 'a card version other than 1.5', code: `const x: AdaptiveCard = { type: 'AdaptiveCard', $schema: 's', version: '1.6', body: [] };`, wrong: '1.6' },
];

const ACCEPTED: string[] = [
  `const x: SectionBlock = { type: 'section', text: mrkdwn('Hello') };`,
  `const x: KnownBlock = { type: 'input', block_id: 'b', label: plain('Name'), element: { type: 'plain_text_input', action_id: 'a', max_length: 10 } };`,
  `const x: BlockKitModal = { type: 'modal', callback_id: 'c', title: plain('T'), close: plain('Close'), private_metadata: '', blocks: [] };`,
  `const x: AdaptiveElement = { type: 'Input.Text', id: 'what', maxLength: 200, isMultiline: true };`,
  `const x: AdaptiveElement = { type: 'TextBlock', text: 'Hi', size: 'Large', weight: 'Bolder', style: 'heading' };`,
  `const x: AdaptiveElement = { type: 'Chart.Donut', title: 'T', data: [{ legend: 'a', value: 1, color: 'categoricalBlue' }], fallback: 'drop' };`,
  `const x: AdaptiveElement = { type: 'Table', columns: [{ width: 1 }], rows: [{ type: 'TableRow', cells: [{ type: 'TableCell', items: [text('a')] }] }] };`,
  `const x: AdaptiveAction = { type: 'Action.ToggleVisibility', title: 'More', targetElements: ['more'] };`,
];

/** Compiles the probe (one statement per block) and returns the messages per statement index. */
function diagnose(statements: string[]): string[][] {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const starts: number[] = [];
  let source = HEADER;
  statements.forEach((s, i) => {
    starts.push(source.length);
    source += `{ // case ${i}\n${s}\nvoid x;\n}\n`;
  });
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => (path.resolve(name) === FILE ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === FILE || fileExists(name);
  const program = ts.createProgram([FILE], { ...options, noEmit: true }, host);
  const found: string[][] = statements.map(() => []);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.file && path.resolve(d.file.fileName) !== FILE) throw new Error(`unexpected error outside the probe: ${d.file.fileName}: ${message}`);
    if (d.start === undefined) throw new Error(`unexpected error: ${message}`);
    const at = starts.filter((s) => s <= d.start!).length - 1;
    if (at < 0) throw new Error(`error in the probe's imports: ${message}`);
    found[at]!.push(message);
  }
  return found;
}

describe('card JSON is typed', () => {
  // One program for every case: building it reads the whole of @slack/types and the card sources.
  const found = diagnose([...REFUSED.map((c) => c.code), ...ACCEPTED]);

  it.each(REFUSED.map((c, i) => [c.name, i, c.wrong] as const))('refuses %s', (_name, i, wrong) => {
    const messages = found[i]!;
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain(wrong);
  });

  it.each(ACCEPTED.map((code, i) => [code, REFUSED.length + i] as const))('accepts %s', (_code, i) => {
    expect(found[i]).toEqual([]);
  });
});
