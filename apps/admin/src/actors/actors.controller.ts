import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, type OnApplicationShutdown } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ACTOR_TYPES } from '@marsad/contracts';
import { RequireRole } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { ErrorSchema } from '../openapi';
import { addActorAliases, createActor, searchActors } from './kb-edits';
import { closeKbEditLock } from './kb-edit-lock';

const ActorOut = {
  type: 'object',
  properties: {
    id: { type: 'string', example: 'org:kaspersky-lab' },
    name: { type: 'string' },
    type: { type: 'string', enum: [...ACTOR_TYPES] },
    aliases: { type: 'array', items: { type: 'string' } },
    country: { type: 'string' },
    description: { type: 'string' },
  },
};
const EditOut = {
  type: 'object',
  properties: {
    actor: ActorOut,
    added: { type: 'array', items: { type: 'string' } },
    sharedAliases: {
      type: 'array',
      description: 'Names other actors also carry (the enricher will treat them as ambiguous)',
      items: { type: 'object', properties: { alias: { type: 'string' }, actorIds: { type: 'array', items: { type: 'string' } } } },
    },
    visible: {
      type: 'boolean',
      description: "false when this replica's KB view had not shown the edit within 5 s (it is durable on marsad.kb anyway)",
    },
  },
};

@ApiTags('knowledge base')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1/actors')
export class ActorsController implements OnApplicationShutdown {
  constructor(@Inject(ADMIN_CTX) private readonly ctx: AdminContext) {}

  async onApplicationShutdown(): Promise<void> {
    await closeKbEditLock(this.ctx);
  }

  @Get()
  @RequireRole('viewer')
  @ApiQuery({ name: 'q', required: false, description: 'Name, alias (any script) or id prefix' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiResponse({
    status: 200,
    description: 'Knowledge-base actors (operator edits included), best match first',
    schema: { type: 'object', properties: { actors: { type: 'array', items: ActorOut } } },
  })
  search(@Query('q') q: unknown = '', @Query('limit') limit: unknown = '20') {
    return searchActors(this.ctx, q, limit);
  }

  @Post()
  @HttpCode(201)
  @RequireRole('admin')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['name', 'type'],
      properties: {
        id: {
          type: 'string',
          example: 'org:acme-cyber',
          description:
            'Optional: "<prefix>:<slug>" with the prefix of the type (person, org, country, group, location, other). Default: from type + name.',
        },
        name: { type: 'string', example: 'Acme Cyber' },
        type: { type: 'string', enum: [...ACTOR_TYPES] },
        aliases: { type: 'array', items: { type: 'string' }, example: ['أكمي سايبر', 'Акме'] },
        country: { type: 'string', example: 'US' },
        description: { type: 'string' },
      },
    },
  })
  @ApiResponse({ status: 201, description: 'Published to marsad.kb; every enricher applies it without a restart', schema: EditOut })
  @ApiResponse({ status: 400, schema: ErrorSchema })
  @ApiResponse({ status: 403, description: 'Needs role admin' })
  @ApiResponse({ status: 409, description: 'The id exists: add aliases instead' })
  create(@Body() body: unknown) {
    return createActor(this.ctx, body);
  }

  @Post(':id/aliases')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['aliases'],
      properties: { aliases: { type: 'array', items: { type: 'string' }, minItems: 1, example: ['كاسبرسكي لاب'] } },
    },
  })
  @ApiResponse({
    status: 200,
    description: 'Aliases appended (duplicates ignored) and the actor republished to marsad.kb',
    schema: EditOut,
  })
  @ApiResponse({ status: 400, schema: ErrorSchema })
  @ApiResponse({ status: 403, description: 'Needs role admin' })
  @ApiResponse({ status: 404, description: 'No such actor' })
  addAliases(@Param('id') id: string, @Body() body: unknown) {
    return addActorAliases(this.ctx, id, body);
  }
}
