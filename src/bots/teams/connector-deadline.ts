import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** The parts of @azure/core-rest-pipeline's request and pipeline this file touches. */
interface PipelineRequestLike {
  url: string;
  abortSignal?: unknown;
}
interface PipelinePolicyLike {
  name: string;
  sendRequest(request: PipelineRequestLike, next: (request: PipelineRequestLike) => Promise<unknown>): Promise<unknown>;
}
interface PipelineLike {
  addPolicy(policy: PipelinePolicyLike): void;
  getOrderedPolicies(): { name: string }[];
}

const POLICY_NAME = 'twilightConnectorDeadline';

/** A connector call that got no answer in time. `ETIMEDOUT`, as Node names a socket timeout. */
export class ConnectorTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(readonly timeoutMs: number) {
    super(`timed out: no answer from the Bot Connector within ${timeoutMs} ms`);
    this.name = 'ConnectorTimeoutError';
  }
}

/**
 * One deadline per connector call. It sits before the client's retry policy, so it bounds the
 * whole call: every attempt, the waits between them and any Retry-After the client honours.
 * It works through the request's abort signal, which the HTTP client obeys by destroying the
 * request, and which the retry policy checks before waiting again: nothing is left running.
 */
function deadlinePolicy(timeoutMs: number): PipelinePolicyLike {
  return {
    name: POLICY_NAME,
    async sendRequest(request, next) {
      const deadline = AbortSignal.timeout(timeoutMs);
      // botbuilder passes no signal of its own; keep one if a caller ever does.
      const given = request.abortSignal;
      request.abortSignal = given instanceof AbortSignal ? AbortSignal.any([given, deadline]) : deadline;
      try {
        return await next(request);
      } catch (error) {
        if (deadline.aborted) throw new ConnectorTimeoutError(timeoutMs);
        throw error;
      }
    },
  };
}

/**
 * botbuilder offers no request timeout: ConnectorClientOptions has none that reaches the HTTP
 * client, and the connector factory replaces any `requestPolicyFactories` passed to it. So the
 * policy goes on the pipeline of each client the factory makes. That pipeline is a private field
 * of botbuilder-stdlib's ServiceClientContext; if an upgrade moves it, every call fails loudly
 * here (and the hung-connector test fails) rather than running without a bound.
 */
function withDeadline(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (typeof pipeline?.addPolicy !== 'function') {
    throw new Error('botbuilder changed: the connector client has no HTTP pipeline to put a request deadline on');
  }
  if (!pipeline.getOrderedPolicies().some((p) => p.name === POLICY_NAME)) pipeline.addPolicy(deadlinePolicy(timeoutMs));
  return client;
}

/**
 * Bot Framework authentication whose connector clients give up on a call after `timeoutMs`,
 * for proactive sends and turn replies alike.
 */
export class DeadlineBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly timeoutMs: number,
  ) {
    super(options);
  }

  override createConnectorFactory(...args: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>): ConnectorFactory {
    const inner = super.createConnectorFactory(...args);
    return { create: async (serviceUrl, audience) => withDeadline(await inner.create(serviceUrl, audience), this.timeoutMs) };
  }
}
