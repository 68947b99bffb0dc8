import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** JSON schemas for the OpenAPI document (validation itself is zod, in libs/contracts). */
export const ErrorSchema: SchemaObject = {
  type: 'object',
  properties: {
    error: { type: 'string', example: 'validation_failed' },
    field: { type: 'string', example: 'channels[0].url' },
    message: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
  },
  required: ['error', 'message'],
};

export const RawArticleBody: SchemaObject = {
  type: 'object',
  required: ['url', 'source', 'body'],
  properties: {
    id: { type: 'string', description: 'Optional; default: hex digest of the canonical URL. No ":" or whitespace.' },
    url: { type: 'string', example: 'https://example.com/news/1' },
    source: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, domain: { type: 'string' }, country: { type: 'string' } },
    },
    title: { type: 'string' },
    body: { type: 'string' },
    language: { type: 'string', description: 'ISO 639-1 hint' },
    publishedAt: { type: 'string', format: 'date-time' },
    fetchedAt: { type: 'string', format: 'date-time' },
    metadata: { type: 'object', additionalProperties: true },
  },
};

const ChannelIn: SchemaObject = {
  oneOf: [
    {
      type: 'object',
      required: ['type', 'url'],
      properties: {
        type: { enum: ['webhook'] },
        url: { type: 'string', format: 'uri' },
        secret: { type: 'string', minLength: 16, writeOnly: true, description: 'Write-only. Generated (and returned once) when omitted.' },
      },
    },
    {
      type: 'object',
      required: ['type', 'to'],
      properties: { type: { enum: ['email'] }, to: { type: 'array', items: { type: 'string', format: 'email' } } },
    },
  ],
};

export const WatchInputBody: SchemaObject = {
  type: 'object',
  required: ['name', 'channels'],
  additionalProperties: false,
  description: 'A watch needs "actors" or "query" (or both: then both must match).',
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
    name: { type: 'string', example: 'Kaspersky in the news' },
    actors: {
      type: 'array',
      items: { type: 'string' },
      example: ['Kaspersky', 'كاسبرسكي', 'org:kaspersky-lab'],
      description: 'Names in any script or canonical ids; resolved to actor ids through the knowledge base.',
    },
    query: {
      type: 'string',
      example: 'kaspersky AND (breach OR leak) NOT "press release"',
      description: 'Boolean keywords over title+body: AND, OR, NOT, "phrases", parentheses, prefix*.',
    },
    languages: { type: 'array', items: { type: 'string' }, example: ['ar', 'en'] },
    sources: { type: 'array', items: { type: 'string' }, description: 'Source names or domains (sub-domains included).' },
    minMentions: { type: 'integer', minimum: 1 },
    channels: { type: 'array', minItems: 1, items: ChannelIn },
    throttle: { type: 'object', properties: { max: { type: 'integer' }, perMinutes: { type: 'number' } } },
    digest: { type: 'object', properties: { everyMinutes: { type: 'number' } } },
    enabled: { type: 'boolean', default: true },
  },
};

export const WatchOut: SchemaObject = {
  type: 'object',
  properties: {
    ...(WatchInputBody.properties as Record<string, SchemaObject>),
    actorIds: { type: 'array', items: { type: 'string' } },
    channels: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          url: { type: 'string' },
          secretSet: { type: 'boolean' },
          to: { type: 'array', items: { type: 'string' } },
          secret: { type: 'string', description: 'Only in the response that generated it.' },
        },
      },
    },
    secret: { type: 'string', description: 'Generated webhook secret; returned ONCE, on the create (or update) that generated it.' },
    schemaVersion: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};
