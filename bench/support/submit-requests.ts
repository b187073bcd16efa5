import { slackSignatureHeaders } from '../../test/support/slack-signing';
import { BENCH_AAD_TENANT, BENCH_SLACK_TEAM, SIGNING_SECRET, pairOf, type SubmitShape } from './submit-world';

/** Request n of a submit run: a signed Slack view_submission or a Teams adaptiveCard/action invoke. */
export type Platform = 'slack' | 'teams';

export const SUBMIT_PATHS: Record<Platform, string> = { slack: '/slack/events', teams: '/api/messages' };

const ANSWERS = { quality: '4', impact: '3', further_cpd: 'no', comments: 'Retrieval quizzes at the start of every lesson.' };

function teamsBody(n: number, shape: SubmitShape): string {
  const { who, questionnaireId, sessionId } = pairOf(n, shape);
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    id: `in-${n}`,
    from: { id: who.teamsId, aadObjectId: who.aad },
    recipient: { id: '28:twilight', name: 'Twilight' },
    conversation: { id: `a:${who.staffId}`, conversationType: 'personal', tenantId: BENCH_AAD_TENANT },
    channelData: { tenant: { id: BENCH_AAD_TENANT } },
    value: { action: { type: 'Action.Execute', verb: 'questionnaire.submit', data: { questionnaireId, sessionId, ...ANSWERS } }, trigger: 'manual' },
  });
}

function slackBody(n: number, shape: SubmitShape): string {
  const { who, questionnaireId, sessionId } = pairOf(n, shape);
  const radio = (value: string) => ({ answer: { type: 'radio_buttons', selected_option: { value } } });
  const payload = {
    type: 'view_submission',
    user: { id: who.slackId, team_id: BENCH_SLACK_TEAM },
    team: { id: BENCH_SLACK_TEAM },
    api_app_id: 'A1',
    trigger_id: `trg-${n}`,
    view: {
      id: `V${process.pid}-${n}`,
      type: 'modal',
      callback_id: 'questionnaire.submit',
      private_metadata: JSON.stringify({ action: { verb: 'questionnaire.submit', questionnaireId, sessionId }, channel: `D${who.slackId}`, ts: '1700000000.000100' }),
      state: {
        values: {
          'field:quality': radio(ANSWERS.quality),
          'field:impact': radio(ANSWERS.impact),
          'field:further_cpd': radio(ANSWERS.further_cpd),
          'field:comments': { answer: { type: 'plain_text_input', value: ANSWERS.comments } },
        },
      },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The body and headers of request n (person n mod staff answering questionnaire ⌊n/staff⌋), signed now. */
export function submitRequest(platform: Platform, n: number, shape: SubmitShape): { body: string; headers: Record<string, string> } {
  if (platform === 'teams') return { body: teamsBody(n, shape), headers: { 'content-type': 'application/json' } };
  const body = slackBody(n, shape);
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SIGNING_SECRET, body, Math.floor(Date.now() / 1000)) } };
}
