import { buildProviderReport, buildProviderSummary, loadProviderReportInput, providersMatching, type ReportDeps } from '../app/reports';
import { providerSummaryCsv, providersCsv } from '../exports/providers-csv';

/** `export providers` (the table) and `export provider NAME` (the summary to send on, Markdown or CSV), as text. */
export async function providersExport(
  deps: ReportDeps,
  tenantId: string,
  now: Date,
  command: { provider?: string; format: 'csv' | 'md'; year?: string },
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const input = await loadProviderReportInput(deps, tenantId, now, command.year);
  if (!input.ok) return input;
  if (command.provider === undefined) return { ok: true, text: providersCsv(buildProviderReport(input.value)) };
  const found = providersMatching(input.value, command.provider);
  if (found.length !== 1) {
    const known = providersMatching(input.value, '').join('; ') || 'none: no session held that year';
    return { ok: false, message: found.length === 0 ? `No session that year was provided by "${command.provider}". Providers: ${known}.` : `"${command.provider}" fits ${found.length} providers: ${found.join('; ')}. Give more of the name.` };
  }
  const summary = buildProviderSummary(input.value, found[0]!);
  return { ok: true, text: command.format === 'csv' ? providerSummaryCsv(summary) : summary.forwardText };
}
