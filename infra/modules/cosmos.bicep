// Azure Cosmos DB for NoSQL: the account, the database and every container the app uses.
// The containers come from ../containers.json, which scripts/export-containers.ts writes from
// containerDefinitionFor (src/store/cosmos/containers.ts): same ids, partition key /tenantId,
// indexing policy and TTL as the app itself would create. A test keeps the file up to date.

@description('Azure region. A serverless account lives in this one region only.')
param location string

@description('Cosmos DB account name (globally unique, lower case).')
param accountName string

@description('Database name: the app reads it from COSMOS_DATABASE.')
param databaseName string

@description('Serverless (pay per request unit, best for one school or a small trust) or Provisioned (autoscale throughput shared by all containers).')
@allowed([
  'Serverless'
  'Provisioned'
])
param capacityMode string = 'Serverless'

@description('Provisioned mode only: the autoscale ceiling in RU/s shared by every container (the floor is a tenth of it).')
@minValue(1000)
param autoscaleMaxThroughput int = 1000

@description('Turn off account keys: only Entra identities with a data-plane role can read or write.')
param disableLocalAuth bool = true

param tags object = {}

var containers = loadJsonContent('../containers.json')
var serverless = capacityMode == 'Serverless'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: serverless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    disableLocalAuth: disableLocalAuth
    // Containers and indexes change through this template, never through the data plane.
    disableKeyBasedMetadataWriteAccess: true
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: serverless ? {} : {
      autoscaleSettings: {
        maxThroughput: autoscaleMaxThroughput
      }
    }
  }
}

// Each entry of containers.json is a complete container resource body:
// { id, partitionKey: { paths: ['/tenantId'] }, indexingPolicy, defaultTtl? }.
resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in containers: {
  parent: database
  name: container.id
  properties: {
    resource: container
    options: {}
  }
}]

output accountName string = account.name
output accountId string = account.id
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
output containerNames array = [for container in containers: container.id]
