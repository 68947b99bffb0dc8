import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { ErrorSchema, RawArticleBody } from '../openapi';
import { ingestArticle } from './ingest-article';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('v1/articles')
export class ArticlesController {
  constructor(@Inject(ADMIN_CTX) private readonly ctx: AdminContext) {}

  @Post()
  @HttpCode(202)
  @RequireRole('operator')
  @ApiBody({ schema: RawArticleBody })
  @ApiResponse({ status: 202, description: 'Accepted: published to marsad.articles.raw', schema: { type: 'object', properties: { id: { type: 'string' } } } })
  @ApiResponse({ status: 400, description: 'Invalid article (names the field)', schema: ErrorSchema })
  @ApiResponse({ status: 401, description: 'No or invalid API key' })
  @ApiResponse({ status: 403, description: 'Needs role operator' })
  @ApiResponse({ status: 413, description: 'Body over MARSAD_MAX_BODY_BYTES' })
  ingest(@Body() body: unknown) {
    return ingestArticle(this.ctx, body);
  }
}
