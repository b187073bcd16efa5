// Azure App Service for Linux running the bot's container image, with a system-assigned
// managed identity (Cosmos DB, Key Vault references and the registry pull all use it).
// Why App Service rather than Container Apps: see docs/deploy.md.

@description('Azure region.')
param location string

@description('App Service plan name.')
param planName string

@description('Web app name: the bot is served at https://<name>.azurewebsites.net.')
param appName string

@description('App Service plan SKU. B1 is the smallest with Always On, which the in-process scheduler needs.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param skuName string = 'B1'

@description('Registry login server, e.g. twilightabc123.azurecr.io.')
param registryLoginServer string

@description('Image in that registry, repository:tag.')
param containerImage string

@description('App settings: name/value pairs, built in main.bicep from variables src/config.ts reads.')
param appSettings array

@description('Log Analytics workspace that receives console, HTTP and platform logs.')
param workspaceId string

param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2023-01-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-01-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux,container'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOCKER|${registryLoginServer}/${containerImage}'
      acrUseManagedIdentityCreds: true
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: appSettings
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output appName string = site.name
output appId string = site.id
output hostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
