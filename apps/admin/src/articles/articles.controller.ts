import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { ErrorSchema, RawArticleBody } from '../openapi';
import { MAX_BATCH, batchItems, ingestArticle, ingestBatch } from './ingest-article';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('v1/articles')
export class ArticlesController {
  constructor(@Inject(ADMIN_CTX) private readonly ctx: AdminContext) {}

  @Post()
  @HttpCode(202)
  @RequireRole('operator')
  @ApiBody({
    description: `One RawArticle, or a batch: an array of them or { "articles": [...] } (at most ${MAX_BATCH}; the whole body is capped by MARSAD_MAX_BODY_BYTES).`,
    schema: {
      oneOf: [
        RawArticleBody,
        { type: 'array', items: RawArticleBody, maxItems: MAX_BATCH },
        { type: 'object', required: ['articles'], properties: { articles: { type: 'array', items: RawArticleBody, maxItems: MAX_BATCH } } },
      ],
    },
  })
  @ApiResponse({
    status: 202,
    description:
      'Accepted: published to marsad.articles.raw. Single: { id }. Batch: the valid items are published; invalid ones are listed by index.',
    schema: {
      oneOf: [
        { type: 'object', properties: { id: { type: 'string' } } },
        {
          type: 'object',
          properties: {
            accepted: { type: 'integer' },
            rejected: { type: 'integer' },
            ids: { type: 'array', items: { type: 'string' } },
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  index: { type: 'integer' },
                  id: { type: 'string' },
                  error: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
                },
              },
            },
            errors: {
              type: 'array',
              items: { type: 'object', properties: { index: { type: 'integer' }, field: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
      ],
    },
  })
  @ApiResponse({
    status: 400,
    description: 'Invalid article (names the field); for a batch, only when no item is valid (fields as "[i].field")',
    schema: ErrorSchema,
  })
  @ApiResponse({ status: 401, description: 'No or invalid API key' })
  @ApiResponse({ status: 403, description: 'Needs role operator' })
  @ApiResponse({ status: 413, description: 'Body over MARSAD_MAX_BODY_BYTES' })
  ingest(@Body() body: unknown) {
    const items = batchItems(body);
    return items ? ingestBatch(this.ctx, items) : ingestArticle(this.ctx, body);
  }
}
