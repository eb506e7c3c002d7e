import { bulkLoadedTypeNames, loadResourceTypes, pricedTypeNames, resourceType } from '../../src/resources/registry.js';

describe('resource registry', () => {
  it('the bulk module holds exactly the registry\'s priced types, as the same definitions', async () => {
    expect(await bulkLoadedTypeNames()).toEqual(pricedTypeNames());
    await loadResourceTypes(pricedTypeNames());
    const { ALL_PRICED_TYPES } = await import('../../src/resources/aws/all.js');
    for (const name of pricedTypeNames()) expect(resourceType(name)).toBe(ALL_PRICED_TYPES[name]);
  });
});
