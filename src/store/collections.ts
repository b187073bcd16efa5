import type { z } from 'zod';
import {
  AnonymousResponse,
  ConversationRef,
  CpdLogEntry,
  Delivery,
  GapTask,
  ImpactFollowUp,
  NeedsReview,
  IdempotencyKey,
  Participation,
  Questionnaire,
  QuestionnaireResponse,
  Qualification,
  QuestionnaireTemplate,
  ResponseReceipt,
  SchoolCalendar,
  Session,
  Staff,
  StatutoryTraining,
  Tenant,
} from '../domain';

export interface CollectionSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Fields the hot queries filter or sort on: indexed by both adapters. */
  indexed: readonly string[];
  /** Whether documents may carry a TTL (Cosmos: defaultTtl -1 on the container). */
  ttl: boolean;
}

function spec<S extends z.ZodType>(schema: S, indexed: readonly string[], ttl = false): CollectionSpec<S> {
  return { schema, indexed, ttl };
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
  deliveries: spec(Delivery, ['status', 'dueAt', 'recipientId', 'kind'], true),
  conversations: spec(ConversationRef, ['staffId', 'conversationId', 'platform', 'updatedAt']),
  idempotencyKeys: spec(IdempotencyKey, [], true),
  cpdLog: spec(CpdLogEntry, ['staffId', 'on']),
  qualifications: spec(Qualification, ['staffId']),
  statutoryTraining: spec(StatutoryTraining, ['staffId', 'expiresOn']),
  impactFollowUps: spec(ImpactFollowUp, ['staffId', 'sessionId', 'status'], true),
  needsReviews: spec(NeedsReview, ['year', 'staffId'], true),
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
