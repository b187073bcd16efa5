import { CosmosClient } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';

/** A key when one is given; otherwise the app's managed identity (or az login on a laptop). */
export function createCosmosClient(endpoint: string, key: string | undefined): CosmosClient {
  return key
    ? new CosmosClient({ endpoint, key })
    : new CosmosClient({ endpoint, aadCredentials: new DefaultAzureCredential() });
}
