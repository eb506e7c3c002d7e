import { ALL_PRICED_TYPES } from '../../src/resources/aws/all.js';
import { loadResourceTypes, pricedTypeNames, resourceType } from '../../src/resources/registry.js';

describe('resource registry', () => {
  it('the bulk module holds exactly the registry\'s priced types, as the same definitions', async () => {
    expect(Object.keys(ALL_PRICED_TYPES).sort()).toEqual(pricedTypeNames());
    await loadResourceTypes(pricedTypeNames());
    for (const name of pricedTypeNames()) expect(resourceType(name)).toBe(ALL_PRICED_TYPES[name]);
  });
});
