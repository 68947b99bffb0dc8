import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth';
import { ADMIN_CTX, type AdminContext } from '../context';
import { ErrorSchema, WatchInputBody, WatchOut } from '../openapi';
import { createWatch, deleteWatch, getWatch, listWatches, replaceWatch } from './watch.usecases';

@ApiTags('watches')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid API key' })
@Controller('v1/watches')
export class WatchesController {
  constructor(@Inject(ADMIN_CTX) private readonly ctx: AdminContext) {}

  @Post()
  @HttpCode(201)
  @RequireRole('operator')
  @ApiBody({ schema: WatchInputBody })
  @ApiResponse({ status: 201, description: 'Created; a generated webhook secret is returned once', schema: WatchOut })
  @ApiResponse({ status: 400, description: 'Invalid watch (names the field)', schema: ErrorSchema })
  @ApiResponse({ status: 403, description: 'Needs role operator' })
  @ApiResponse({ status: 409, description: 'Id already taken' })
  create(@Body() body: unknown) {
    return createWatch(this.ctx, body);
  }

  @Get()
  @RequireRole('viewer')
  @ApiResponse({
    status: 200,
    description: 'All watches (secrets never shown)',
    schema: { type: 'object', properties: { watches: { type: 'array', items: WatchOut } } },
  })
  async list() {
    return { watches: await listWatches(this.ctx) };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiResponse({ status: 200, schema: WatchOut })
  @ApiResponse({ status: 404, description: 'No such watch' })
  get(@Param('id') id: string) {
    return getWatch(this.ctx, id);
  }

  @Put(':id')
  @RequireRole('operator')
  @ApiBody({ schema: WatchInputBody })
  @ApiResponse({ status: 200, schema: WatchOut })
  @ApiResponse({ status: 400, schema: ErrorSchema })
  @ApiResponse({ status: 404, description: 'No such watch' })
  replace(@Param('id') id: string, @Body() body: unknown) {
    return replaceWatch(this.ctx, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('operator')
  @ApiResponse({ status: 204, description: 'Deleted (tombstone published to marsad.watches)' })
  @ApiResponse({ status: 404, description: 'No such watch' })
  async remove(@Param('id') id: string): Promise<void> {
    await deleteWatch(this.ctx, id);
  }
}
