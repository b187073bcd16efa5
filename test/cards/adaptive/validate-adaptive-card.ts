/* eslint-disable @typescript-eslint/no-require-imports */
// The package's ESM `lib/` does not load in Node; the UMD bundle parses without a DOM (facts.md).
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, ctx: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Version: new (major: number, minor: number) => unknown;
};

/** Teams chart elements: the SDK does not know them and says so; a chart is fine when it carries a fallback (checked by `chartsWithoutFallback`). */
const CHART_EVENT = /^parse: Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/;

/** Chart.* elements with no `fallback`: older Teams clients and the SDK would show nothing for them. */
export function chartsWithoutFallback(json: unknown): string[] {
  const missing: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Chart.') && element.fallback === undefined) missing.push(element.type);
    Object.values(element).forEach(visit);
  };
  visit(json);
  return missing;
}

/** Every parse event and validation event the adaptivecards SDK reports for a card at schema 1.5, chart elements aside. */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(json, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const type of chartsWithoutFallback(json)) problems.push(`chart: ${type} has no fallback`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems.filter((p) => !CHART_EVENT.test(p));
}
