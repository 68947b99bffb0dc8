import { loadKnowledgeBase } from '@marsad/kb';
test('dump', () => {
  const kb = loadKnowledgeBase();
  const e = kb.aliasEntries().filter((x) => /^[A-Za-z][A-Za-z'.-]*$/.test(x.form) && !x.ambiguous);
  process.stdout.write('\nEN1 ' + e.length + '\n' + e.map((x) => x.form).join(' ') + '\n');
});
