import { Writable } from 'node:stream';
import pino from 'pino';
import { slashCommandBody } from '../../support/slack-signing';
import { JO, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

describe('Slack request log (real Bolt, signed requests, fake Slack Web API)', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ logger: pino({ level: 'info' }, sink) });
    await seedSchool(h);
  });
  afterAll(() => h.close());

  test('one info line per slash command: its kind and name, never who typed it or what', async () => {
    const body = slashCommandBody({ command: '/cpd', text: 'report Jo Patel private words', user_id: JO.id, user_name: 'jo.patel', team_id: 'T0SCHOOL', channel_id: 'C1', trigger_id: 'trig-1', response_url: `${h.api.url}/response/trig-1` });
    const reply = await postSigned(h, body);
    await h.bot.drain();
    const inbound = lines.filter((l) => String(l.msg).startsWith('inbound '));
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ level: 30, platform: 'slack', activity: 'slash_command', name: '/cpd', status: reply.status, msg: `inbound slack slash_command /cpd ${reply.status}` });
    expect(JSON.stringify(inbound[0])).not.toMatch(/UJO|jo\.patel|Jo Patel|private words|T0SCHOOL/);
  });
});
