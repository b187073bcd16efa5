/* The /dev preview page's script: renders the server's Adaptive Card JSON with the adaptivecards
 * browser bundle (Teams light look), collects parse/validation warnings, and lets a developer act
 * as a member of staff by posting the invokes Teams would post. Plain browser JS, no build step. */
(function () {
  'use strict';
  var AC = window.AdaptiveCards;
  var data = JSON.parse(document.getElementById('preview-data').textContent);

  /** Every warning adaptivecards reports, for people (the list) and for tests (the array). */
  var warnings = [];
  window.__cardWarnings = warnings;
  /** The invokes sent and what came back, so a test can wait on them. */
  window.__invokes = [];

  // Close to the Teams light theme: Segoe UI, Teams purple for accents and buttons, 14 px body text.
  var hostConfig = new AC.HostConfig({
    fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', sans-serif",
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E0E0E0' },
    supportsInteractivity: true,
    fontTypes: {
      default: {
        fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', sans-serif",
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
      monospace: {
        fontFamily: "Consolas, 'Courier New', monospace",
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
    },
    containerStyles: {
      default: {
        backgroundColor: '#FFFFFF',
        foregroundColors: {
          default: { default: '#242424', subtle: '#616161' },
          dark: { default: '#252423', subtle: '#484644' },
          light: { default: '#FFFFFF', subtle: '#C8C6C4' },
          accent: { default: '#5B5FC7', subtle: '#6264A7' },
          good: { default: '#237B4B', subtle: '#237B4B' },
          warning: { default: '#835C00', subtle: '#835C00' },
          attention: { default: '#C4314B', subtle: '#C4314B' },
        },
      },
      emphasis: {
        backgroundColor: '#F5F5F5',
        foregroundColors: {
          default: { default: '#242424', subtle: '#616161' },
          accent: { default: '#5B5FC7', subtle: '#6264A7' },
          good: { default: '#237B4B', subtle: '#237B4B' },
          warning: { default: '#835C00', subtle: '#835C00' },
          attention: { default: '#C4314B', subtle: '#C4314B' },
        },
      },
      accent: { backgroundColor: '#E8EBFA' },
      good: { backgroundColor: '#E7F2DA' },
      warning: { backgroundColor: '#FBF6D9' },
      attention: { backgroundColor: '#FCF4F6' },
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 16 },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      wrap: true,
    },
    adaptiveCard: { allowCustomStyle: true },
    factSet: {
      title: { weight: 'bolder', size: 'default', wrap: true, maxWidth: 150 },
      value: { wrap: true },
      spacing: 8,
    },
    inputs: { label: { inputSpacing: 'small', requiredInputs: { suffix: ' *', suffixColor: 'attention' } }, errorMessage: { size: 'small' } },
  });

  // Teams renders a small markdown subset in TextBlocks: bold, italic, links, bullet lines.
  // Escape first, then add the few tags, so card text can never inject markup.
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  // Teams drops anything it reads as markup (`<…>`), so this page does too: what it shows is what Teams shows.
  function markdown(text) {
    // A backslash-escaped character (the bot escapes what people type) is shown as itself, never as markup.
    var html = escapeHtml(String(text).replace(/<[^>]*>/g, ''))
      .replace(/\\([\\`*_~\[\]()#+\-.!>])/g, function (_, c) {
        return '&#' + c.charCodeAt(0) + ';';
      })
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>')
      .replace(/\n/g, '<br>');
    return '<p>' + html + '</p>';
  }
  window.__teamsMarkdown = markdown;
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };

  function addWarning(cardName, source, message) {
    var warning = { card: cardName, source: source, message: message };
    warnings.push(warning);
    document.getElementById('no-warnings').hidden = true;
    var item = document.createElement('li');
    item.textContent = cardName + ' (' + source + '): ' + message;
    document.getElementById('warning-list').appendChild(item);
  }

  /** Parses, validates and renders one card into `host`; every event the parser raises is a warning. */
  function renderCard(cardName, json, host, onAction) {
    var context = new AC.SerializationContext(new AC.Version(1, 5));
    var card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    try {
      card.parse(json, context);
    } catch (error) {
      addWarning(cardName, 'parse', String(error));
      return false;
    }
    for (var i = 0; i < context.eventCount; i++) {
      var message = context.getEventAt(i).message;
      // Teams chart elements: this renderer does not draw them and shows their fallback, by design
      // (every chart carries one; test/cards checks that).
      if (/^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/.test(message)) continue;
      addWarning(cardName, 'parse', message);
    }
    var validation = card.validateProperties();
    for (var j = 0; j < validation.validationEvents.length; j++) addWarning(cardName, 'validate', validation.validationEvents[j].message);
    card.onExecuteAction = onAction;
    var element = card.render();
    host.replaceChildren();
    if (!element || !element.hasChildNodes()) {
      addWarning(cardName, 'render', 'the card rendered nothing');
      host.dataset.rendered = 'false';
      return false;
    }
    host.appendChild(element);
    host.dataset.rendered = 'true';
    return true;
  }

  function describeAction(action) {
    var verb = action.verb ? 'verb "' + action.verb + '"' : action.getJsonTypeName();
    var url = action.url ? ' → ' + action.url : '';
    return verb + url + (action.data ? ' with ' + JSON.stringify(action.data) : '');
  }

  // ---- the catalog of sample cards: buttons only say what they would send.
  data.samples.forEach(function (sample) {
    var host = document.querySelector('[data-card-host="' + CSS.escape(sample.name) + '"]');
    var echo = document.querySelector('[data-action-echo="' + CSS.escape(sample.name) + '"]');
    renderCard(sample.name, sample.card, host, function (action) {
      echo.textContent = 'Sample card: this button would send ' + describeAction(action) + '.';
    });
  });

  // ---- act as a staff member
  var select = document.getElementById('staff-select');
  var actAsButton = document.getElementById('act-as-button');
  var seedButton = document.getElementById('seed-button');
  var status = document.getElementById('act-as-status');
  var liveCards = document.getElementById('live-cards');
  var sayForm = document.getElementById('say-form');
  var session = null; // { identity, conversationId, serviceUrl }
  var connectorSeen = 0;

  function setStatus(text) {
    status.textContent = text;
  }

  async function requestJson(method, url, body) {
    var response = await fetch(url, {
      method: method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    var text = await response.text();
    var parsed = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error((parsed && parsed.message) || method + ' ' + url + ' answered ' + response.status);
    return parsed;
  }

  async function loadStaff() {
    var answer = await requestJson('GET', '/dev/api/staff');
    select.replaceChildren();
    answer.staff.forEach(function (person) {
      var option = document.createElement('option');
      option.value = person.id;
      option.textContent = person.name + ' (' + person.roles.join(', ') + (person.department ? ', ' + person.department : '') + ')';
      select.appendChild(option);
    });
    // Start on someone with something to do, so the first "Act as" shows cards with buttons.
    if (answer.suggestedStaffId) select.value = answer.suggestedStaffId;
    var empty = answer.staff.length === 0;
    select.disabled = empty;
    actAsButton.disabled = empty;
    seedButton.hidden = !(empty && answer.canSeedDemo);
    if (empty) {
      var option = document.createElement('option');
      option.textContent = 'No staff in tenant "' + answer.tenantId + '"';
      select.appendChild(option);
      setStatus(answer.canSeedDemo ? 'No data yet: seed a demo school to try the cards.' : 'No staff yet: import a roster with the CLI (npm run cli -- import staff <file>).');
    }
    document.body.dataset.staffLoaded = String(answer.staff.length);
  }

  function activityBase(type) {
    return {
      type: type,
      id: 'dev-' + Date.now() + '-' + Math.random().toString(16).slice(2),
      timestamp: new Date().toISOString(),
      localTimestamp: new Date().toISOString(),
      locale: 'en-GB',
      channelId: 'msteams',
      serviceUrl: session.serviceUrl,
      from: { id: session.identity.userId, name: session.identity.name, aadObjectId: session.identity.aadObjectId },
      recipient: { id: '28:dev-twilight-bot', name: 'Twilight' },
      conversation: { id: session.conversationId, conversationType: 'personal', tenantId: 'dev-teams-tenant' },
      channelData: { tenant: { id: 'dev-teams-tenant' }, source: { name: 'message' } },
    };
  }

  /** Exactly what Teams posts for an Action.Execute press: the verb, and the button data merged with the inputs. */
  async function sendInvoke(entry, action) {
    var activity = activityBase('invoke');
    activity.name = 'adaptiveCard/action';
    activity.replyToId = entry.messageId;
    activity.value = { action: { type: 'Action.Execute', id: action.id, verb: action.verb, data: action.data || {} }, trigger: 'manual' };
    entry.host.setAttribute('aria-busy', 'true');
    var record = { verb: action.verb, status: 'pending' };
    window.__invokes.push(record);
    try {
      var response = await fetch('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      var body = response.status === 200 ? await response.json() : null;
      record.httpStatus = response.status;
      if (body && body.type === 'application/vnd.microsoft.card.adaptive') {
        // Teams replaces the card in place with the one in the invoke response.
        renderCard(entry.title, body.value, entry.host, function (next) {
          handleLiveAction(entry, next);
        });
        entry.article.dataset.updates = String(Number(entry.article.dataset.updates || '0') + 1);
        record.status = 'card';
      } else if (body && body.type === 'application/vnd.microsoft.activity.message') {
        entry.echo.textContent = 'The bot says: ' + body.value;
        record.status = 'message';
      } else {
        entry.echo.textContent = 'The bot answered HTTP ' + response.status + (body ? ' ' + JSON.stringify(body) : '');
        record.status = 'error';
      }
    } catch (error) {
      entry.echo.textContent = 'Could not reach the bot: ' + error.message;
      record.status = 'error';
    } finally {
      entry.host.removeAttribute('aria-busy');
      await showConnectorReplies();
    }
  }

  function handleLiveAction(entry, action) {
    if (action instanceof AC.ExecuteAction) {
      void sendInvoke(entry, action);
    } else {
      entry.echo.textContent = 'This button would open ' + describeAction(action) + ' in Teams.';
    }
  }

  function addLiveCard(title, kind, card, messageId) {
    var article = document.createElement('article');
    article.className = 'live-card';
    article.dataset.viewKind = kind;
    var heading = document.createElement('h3');
    heading.textContent = title;
    var column = document.createElement('div');
    column.className = 'card-column';
    var host = document.createElement('div');
    host.className = 'teams-card';
    var echo = document.createElement('p');
    echo.className = 'action-echo';
    echo.setAttribute('role', 'status');
    column.append(host, echo);
    article.append(heading, column);
    liveCards.appendChild(article);
    var entry = { title: title, host: host, echo: echo, article: article, messageId: messageId };
    renderCard(title, card, host, function (action) {
      handleLiveAction(entry, action);
    });
  }

  /** What the bot sent to the dev connector (replies to typed messages, proactive cards) appears as new cards. */
  async function showConnectorReplies() {
    var answer = await requestJson('GET', '/dev/api/connector?since=' + connectorSeen);
    answer.records.forEach(function (record) {
      connectorSeen = Math.max(connectorSeen, record.seq);
      var activity = record.activity;
      if (!session || record.conversationId !== session.conversationId || !activity) return;
      (activity.attachments || []).forEach(function (attachment, i) {
        if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
          addLiveCard('Bot message', 'message', attachment.content, activity.id || 'connector-' + record.seq + '-' + i);
        }
      });
      if (activity.text && !(activity.attachments || []).length) {
        addLiveCard('Bot message', 'message', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: activity.text, wrap: true }] }, 'connector-' + record.seq);
      }
    });
  }

  async function actAs() {
    var staffId = select.value;
    if (!staffId) return;
    setStatus('Loading cards…');
    liveCards.replaceChildren();
    try {
      var answer = await requestJson('POST', '/dev/api/act-as/' + encodeURIComponent(staffId));
      session = { identity: answer.identity, conversationId: answer.conversationId, serviceUrl: answer.serviceUrl };
      var seen = await requestJson('GET', '/dev/api/connector?since=0');
      connectorSeen = seen.records.reduce(function (max, r) { return Math.max(max, r.seq); }, 0);
      answer.cards.forEach(function (live) {
        addLiveCard(live.title, live.kind, live.card, 'dev-msg-' + live.id);
      });
      sayForm.hidden = false;
      setStatus('Acting as ' + answer.identity.name + ': ' + answer.cards.length + ' card(s). Buttons post to /api/messages.');
      document.body.dataset.actingAs = staffId;
    } catch (error) {
      setStatus(error.message);
    }
  }

  async function say(text) {
    var activity = activityBase('message');
    activity.text = text;
    var response = await fetch('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (!response.ok) setStatus('The bot answered HTTP ' + response.status);
    await showConnectorReplies();
  }

  actAsButton.addEventListener('click', function () {
    void actAs();
  });
  seedButton.addEventListener('click', async function () {
    seedButton.disabled = true;
    setStatus('Seeding the demo school…');
    try {
      var seeded = await requestJson('POST', '/dev/api/seed-demo');
      setStatus('Seeded ' + seeded.staff + ' staff and ' + seeded.sessions + ' sessions.');
      await loadStaff();
    } catch (error) {
      setStatus(error.message);
    } finally {
      seedButton.disabled = false;
    }
  });
  sayForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var input = document.getElementById('say-text');
    var text = input.value.trim();
    if (!text || !session) return;
    input.value = '';
    void say(text);
  });

  document.body.dataset.cardsRendered = String(data.samples.length);
  loadStaff().catch(function (error) {
    setStatus('Could not load staff: ' + error.message);
  });
})();
