import { escapeHtml } from '../documents/html-escape';
import { jsonForScript } from './json-script';
import type { CatalogEntry } from './sample-catalog';

export interface PreviewPageModel {
  catalog: CatalogEntry[];
  tenantId: string;
  /** The demo seed writes the "demo" tenant only, so the button is offered only when that is the default tenant. */
  canSeedDemo: boolean;
  /** Server-rendered charts of the chart cards (chart-previews.ts). */
  chartSection?: string;
}

const pretty = (value: unknown): string => escapeHtml(JSON.stringify(value, null, 2));

function sampleArticle(entry: CatalogEntry): string {
  const name = escapeHtml(entry.name);
  const kind = escapeHtml(entry.kind);
  const heading = entry.name === entry.kind ? name : `${name} <span class="kind">${kind}</span>`;
  return `
    <article class="sample" id="sample-${name}" data-sample="${name}" data-kind="${kind}">
      <h3>${heading}</h3>
      <div class="sample-body">
        <div class="card-column">
          <div class="teams-card" data-card-host="${name}"></div>
          <p class="action-echo" data-action-echo="${name}" role="status"></p>
        </div>
        <div class="json-column">
          <details class="block-kit"><summary>Slack Block Kit JSON</summary><pre>${pretty(entry.blockKit)}</pre></details>
          <details class="adaptive-json"><summary>Adaptive Card JSON</summary><pre>${pretty(entry.adaptiveCard)}</pre></details>
        </div>
      </div>
    </article>`;
}

/** The whole /dev page. Every value from a view is escaped; the cards travel as JSON for the page's script to render. */
export function renderPreviewPage(model: PreviewPageModel): string {
  const data = {
    tenantId: model.tenantId,
    canSeedDemo: model.canSeedDemo,
    samples: model.catalog.map((e) => ({ name: e.name, kind: e.kind, card: e.adaptiveCard })),
  };
  const nav = model.catalog.map((e) => `<li><a href="#sample-${escapeHtml(e.name)}">${escapeHtml(e.name)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Twilight · card preview (dev)</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/dev/assets/adaptivecards.css">
  <link rel="stylesheet" href="/dev/assets/preview.css">
</head>
<body>
  <header class="page-header">
    <h1>Twilight card preview</h1>
    <p>Development only: every card with sample data as Teams draws it, beside the Slack Block Kit JSON.
       Tenant <code>${escapeHtml(model.tenantId)}</code>.</p>
  </header>
  <section class="warnings" id="warnings" aria-labelledby="warnings-title">
    <h2 id="warnings-title">Adaptive Card warnings</h2>
    <p id="no-warnings">None so far.</p>
    <ul id="warning-list"></ul>
  </section>
  <section class="act-as" id="act-as" aria-labelledby="act-as-title">
    <h2 id="act-as-title">Act as a staff member</h2>
    <p>Pick a person and press the buttons on their cards: the page posts the same
       <code>adaptiveCard/action</code> invoke Teams would to <code>/api/messages</code>, and shows the card the bot answers with.</p>
    <div class="act-as-controls">
      <label for="staff-select">Person</label>
      <select id="staff-select" disabled><option value="">Loading staff…</option></select>
      <button type="button" id="act-as-button" disabled>Act as</button>
      <button type="button" id="seed-button" hidden>Seed a demo school</button>
    </div>
    <p id="act-as-status" role="status"></p>
    <form id="say-form" class="say-form" hidden>
      <label for="say-text">Say to the bot</label>
      <input id="say-text" name="text" autocomplete="off" placeholder="help, sessions, tasks">
      <button type="submit">Send</button>
    </form>
    <div id="live-cards" class="live-cards"></div>
  </section>
  ${model.chartSection ?? ''}
  <section class="catalog" aria-labelledby="catalog-title">
    <h2 id="catalog-title">Every card</h2>
    <nav><ul class="toc">${nav}</ul></nav>
    ${model.catalog.map(sampleArticle).join('')}
  </section>
  <script type="application/json" id="preview-data">${jsonForScript(data)}</script>
  <script src="/dev/assets/adaptivecards.min.js"></script>
  <script src="/dev/assets/preview.js"></script>
</body>
</html>
`;
}
