import type { z } from 'zod';
import {
  AnonymousResponse,
  ConversationRef,
  Delivery,
  GapTask,
  IdempotencyKey,
  Participation,
  Questionnaire,
  QuestionnaireResponse,
  QuestionnaireTemplate,
  ResponseReceipt,
  SchoolCalendar,
  Session,
  Staff,
  Tenant,
} from '../domain';

export interface CollectionSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Fields the hot queries filter or sort on: indexed by both adapters. */
  indexed: readonly string[];
  /** Whether documents may carry a TTL (Cosmos: defaultTtl -1 on the container). */
  ttl: boolean;
  /**
   * Composite indexes, each a list of fields (ascending), for the queries that filter on the first
   * fields and sort on the last: Cosmos DB serves those from one index instead of filtering a sort.
   */
  composites: readonly (readonly string[])[];
}

function spec<S extends z.ZodType>(schema: S, indexed: readonly string[], ttl = false, composites: readonly (readonly string[])[] = []): CollectionSpec<S> {
  return { schema, indexed, ttl, composites };
}

/** Every collection, its schema and its indexes. docs/data-model.md describes each. */
export const COLLECTIONS = {
  tenants: spec(Tenant, []),
  staff: spec(Staff, ['email', 'lineManagerId', 'teams.aadObjectId', 'slack.userId']),
  calendars: spec(SchoolCalendar, []),
  sessions: spec(Session, ['startsAt', 'status', 'seriesId']),
  participations: spec(Participation, ['sessionId', 'staffId', 'rsvp', 'rsvpAt'], true),
  templates: spec(QuestionnaireTemplate, []),
  questionnaires: spec(Questionnaire, ['sessionId', 'closesAt'], true),
  responses: spec(QuestionnaireResponse, ['questionnaireId', 'respondentId', 'sessionId'], true),
  anonymousResponses: spec(AnonymousResponse, ['questionnaireId', 'sessionId'], true),
  receipts: spec(ResponseReceipt, ['questionnaireId', 'staffId'], true),
  gapTasks: spec(GapTask, ['staffId', 'sessionId', 'status', 'dueAt'], true),
  // The dispatcher's due queries (src/scheduler/send/claimable-deliveries.ts): by availableAt, by
  // tenant (finding the tenants with work), and by dueAt for records from before availableAt.
  deliveries: spec(Delivery, ['status', 'dueAt', 'availableAt', 'recipientId', 'kind'], true, [
    ['status', 'availableAt'],
    ['status', 'tenantId'],
    ['status', 'dueAt'],
  ]),
  conversations: spec(ConversationRef, ['staffId', 'conversationId', 'platform', 'updatedAt']),
  idempotencyKeys: spec(IdempotencyKey, [], true),
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
