import { ActorInputSchema, AddAliasesSchema, actorIdFor } from './kb-edits';

describe('actor ids for new KB actors', () => {
  test.each([
    [{ type: 'organization', name: 'Acme Cyber Ltd.' }, 'org:acme-cyber-ltd'],
    [{ type: 'person', name: 'Élodie Durand' }, 'person:elodie-durand'],
    [{ type: 'group', name: 'APT 28' }, 'group:apt-28'],
    [{ type: 'organization', name: 'أكمي سايبر', aliases: ['Acme Cyber'] }, 'org:acme-cyber'],
  ] as [Parameters<typeof actorIdFor>[0], string][])('%j → %s', (input, id) => expect(actorIdFor(input)).toBe(id));

  test('a name without Latin letters or digits gets a stable digest id', () => {
    const a = actorIdFor({ type: 'organization', name: 'أكمي سايبر' });
    expect(a).toMatch(/^org:x[0-9a-f]{12}$/);
    expect(actorIdFor({ type: 'organization', name: 'أكمي سايبر' })).toBe(a);
  });
});

describe('request schemas', () => {
  test('id optional; type and name required', () => {
    expect(ActorInputSchema.safeParse({ name: 'A', type: 'organization' }).success).toBe(true);
    expect(ActorInputSchema.safeParse({ name: 'A' }).success).toBe(false);
    expect(ActorInputSchema.safeParse({ id: 'bad id', name: 'A', type: 'organization' }).success).toBe(false);
  });
  test('aliases: non-empty strings, at least one, trimmed', () => {
    expect(AddAliasesSchema.parse({ aliases: [' X '] })).toEqual({ aliases: ['X'] });
    expect(AddAliasesSchema.safeParse({ aliases: [] }).success).toBe(false);
    expect(AddAliasesSchema.safeParse({ aliases: [''] }).success).toBe(false);
    expect(AddAliasesSchema.safeParse({ aliases: ['x'], other: 1 }).success).toBe(false);
  });
});
