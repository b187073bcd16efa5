/**
 * The quiet Slack Web API stand-in in its own process, as Slack's servers would be: in the
 * parent it shared an event loop with autocannon, so every chat.update the bot sent after an
 * ack delayed the load generator's own reads and timings.
 */
import { startQuietSlackApi } from './quiet-slack-api';
import { BENCH_SLACK_TEAM } from './submit-world';

void startQuietSlackApi(BENCH_SLACK_TEAM).then((api) => {
  process.send!({ apiUrl: api.apiUrl });
  process.on('message', (m) => {
    if (m === 'stop') void api.stop().then(() => process.exit(0));
  });
});
