// Twilight on Azure: one resource group holding
//   Cosmos DB for NoSQL (serverless by default) with every container the app uses,
//   App Service for Linux running the bot's container with a system-assigned managed identity,
//   Azure Bot with the Microsoft Teams channel (when botAppId is given),
//   Key Vault for the bot password and the Slack secrets, referenced from app settings,
//   Container Registry, Log Analytics and Application Insights.
// Walk-through: docs/deploy.md. Parameters: main.parameters.example.json.
targetScope = 'resourceGroup'

@description('Azure region for everything but the Azure Bot (which is global). uksouth keeps data in the UK.')
param location string = resourceGroup().location

@description('Short lower-case prefix for resource names (letters and digits).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'twilight'

@description('Serverless (pay per request, the default) or Provisioned (autoscale RU/s shared by all containers).')
@allowed([
  'Serverless'
  'Provisioned'
])
param cosmosCapacityMode string = 'Serverless'

@description('Provisioned mode only: autoscale ceiling in RU/s for the database.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Database name (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'twilight'

@description('App Service plan SKU (B1 or larger: Always On keeps the scheduler running).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param appServicePlanSku string = 'B1'

@description('The bot image in the registry this template creates, repository:tag (az acr build --image ...).')
param containerImage string = 'twilight:latest'

@description('Entra app registration (client) id of the bot. Empty: no Azure Bot and no Teams settings.')
param botAppId string = ''

@description('Entra tenant of the bot\'s app registration.')
param botAppTenantId string = tenant().tenantId

@description('Client secret of the bot\'s app registration, stored in Key Vault. Empty: keep what the vault holds.')
@secure()
param botAppPassword string = ''

@description('Turn on the Slack app: its token and signing secret must be in Key Vault (here or with az keyvault secret set).')
param enableSlack bool = false

@description('Slack Bot User OAuth Token (xoxb-...), stored in Key Vault. Empty: keep what the vault holds.')
@secure()
param slackBotToken string = ''

@description('Slack Signing Secret, stored in Key Vault. Empty: keep what the vault holds.')
@secure()
param slackSigningSecret string = ''

@description('Your own Entra object id (az ad signed-in-user show --query id -o tsv): lets you set secrets and run the import CLI against Cosmos. Empty: skip.')
param deployerPrincipalId string = ''

@description('The e-mail address the alerts go to (docs/deploy.md, "Watching it").')
param alertEmail string

@description('pino log level (LOG_LEVEL).')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
])
param logLevel string = 'info'

@description('The address staff reach the bot at, for calendar and certificate links (default: the App Service address). Set it when a custom domain is bound.')
param publicUrl string = ''

@description('Tenant id used when a single school runs the bot (DEFAULT_TENANT_ID).')
param defaultTenantId string = 'demo'

@description('Daily Log Analytics ingestion cap in GB (-1: no cap).')
param logDailyCapGb int = 1

param tags object = {
  app: 'twilight'
}

var suffix = uniqueString(resourceGroup().id)
var enableTeams = !empty(botAppId)
var port = '3978'
var publicAppUrl = empty(publicUrl) ? 'https://${names.app}.azurewebsites.net' : publicUrl

var names = {
  cosmos: toLower('${namePrefix}-cosmos-${suffix}')
  vault: toLower('${take(namePrefix, 8)}-kv-${take(suffix, 10)}')
  registry: toLower(replace('${namePrefix}${suffix}', '-', ''))
  plan: '${namePrefix}-plan-${suffix}'
  app: toLower('${namePrefix}-app-${suffix}')
  bot: toLower('${namePrefix}-bot-${suffix}')
  workspace: '${namePrefix}-logs-${suffix}'
  appInsights: '${namePrefix}-insights-${suffix}'
}

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    dailyQuotaGb: logDailyCapGb
    tags: tags
  }
}

module cosmos './modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: names.cosmos
    databaseName: cosmosDatabaseName
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    tags: tags
  }
}

module keyVault './modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: names.vault
    botAppPassword: botAppPassword
    slackBotToken: slackBotToken
    slackSigningSecret: slackSigningSecret
    tags: tags
  }
}

module registry './modules/registry.bicep' = {
  name: 'registry'
  params: {
    location: location
    registryName: names.registry
    tags: tags
  }
}

// App settings: every name except the App Service platform ones (WEBSITES_*) is a variable
// src/config.ts reads (test/infra/bicep.test.ts checks that). Secrets are Key Vault references
// resolved by App Service with the app's managed identity; the values never sit in app settings.
var platformSettings = [
  {
    name: 'WEBSITES_PORT'
    value: port
  }
  {
    name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE'
    value: 'false'
  }
]

var coreSettings = [
  {
    name: 'PORT'
    value: port
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    name: 'STORE'
    value: 'cosmos'
  }
  {
    // Telemetry on: traces and the Twilight metrics go to Application Insights (src/telemetry).
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: monitoring.outputs.appInsightsConnectionString
  }
  {
    name: 'COSMOS_ENDPOINT'
    value: cosmos.outputs.endpoint
  }
  {
    name: 'COSMOS_DATABASE'
    value: cosmosDatabaseName
  }
  {
    // The containers are created above; the app's identity may not create them (data-plane role only).
    name: 'COSMOS_CREATE_IF_MISSING'
    value: 'false'
  }
  {
    name: 'DEFAULT_TENANT_ID'
    value: defaultTenantId
  }
  {
    name: 'SCHEDULER'
    value: 'true'
  }
  {
    // Calendar and certificate links in cards point here; signed with a key derived from the bot's secret.
    name: 'PUBLIC_URL'
    value: publicAppUrl
  }
]

var teamsSettings = enableTeams ? [
  {
    name: 'MICROSOFT_APP_ID'
    value: botAppId
  }
  {
    name: 'MICROSOFT_APP_PASSWORD'
    value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.botAppPasswordSecretUri})'
  }
  {
    name: 'MICROSOFT_APP_TENANT_ID'
    value: botAppTenantId
  }
  {
    name: 'MICROSOFT_APP_TYPE'
    value: 'SingleTenant'
  }
] : []

var slackSettings = enableSlack ? [
  {
    name: 'SLACK_BOT_TOKEN'
    value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.slackBotTokenSecretUri})'
  }
  {
    name: 'SLACK_SIGNING_SECRET'
    value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.slackSigningSecretSecretUri})'
  }
] : []

module app './modules/app.bicep' = {
  name: 'app'
  params: {
    location: location
    planName: names.plan
    appName: names.app
    skuName: appServicePlanSku
    registryLoginServer: registry.outputs.loginServer
    containerImage: containerImage
    appSettings: concat(platformSettings, coreSettings, teamsSettings, slackSettings)
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module alerts './modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    namePrefix: namePrefix
    appInsightsName: monitoring.outputs.appInsightsName
    appId: app.outputs.appId
    alertEmail: alertEmail
    tags: tags
  }
}

module access './modules/access.bicep' = {
  name: 'access'
  params: {
    appPrincipalId: app.outputs.principalId
    cosmosAccountName: cosmos.outputs.accountName
    vaultName: keyVault.outputs.vaultName
    registryName: registry.outputs.registryName
    deployerPrincipalId: deployerPrincipalId
  }
}

module bot './modules/bot.bicep' = if (enableTeams) {
  name: 'bot'
  params: {
    botName: names.bot
    appId: botAppId
    appTenantId: botAppTenantId
    hostName: app.outputs.hostName
    appInsightsInstrumentationKey: monitoring.outputs.appInsightsInstrumentationKey
    appInsightsAppId: monitoring.outputs.appInsightsAppId
    tags: tags
  }
}

output appName string = app.outputs.appName
output appUrl string = 'https://${app.outputs.hostName}'
output healthUrl string = 'https://${app.outputs.hostName}/healthz'
output teamsMessagingEndpoint string = 'https://${app.outputs.hostName}/api/messages'
output slackRequestUrl string = 'https://${app.outputs.hostName}/slack/events'
output botName string = enableTeams ? names.bot : ''
output keyVaultName string = keyVault.outputs.vaultName
output registryName string = registry.outputs.registryName
output registryLoginServer string = registry.outputs.loginServer
output cosmosAccountName string = cosmos.outputs.accountName
output cosmosEndpoint string = cosmos.outputs.endpoint
output cosmosContainers array = cosmos.outputs.containerNames
output appPrincipalId string = app.outputs.principalId
output logAnalyticsWorkspaceId string = monitoring.outputs.workspaceId
output alertsWorkbookId string = alerts.outputs.workbookId
