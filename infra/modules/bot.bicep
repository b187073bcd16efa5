// Azure Bot registration with the Microsoft Teams channel. The Entra app registration it names
// (msaAppId) is created beforehand with `az ad app create` (docs/deploy.md): Bicep cannot
// create app registrations or their client secrets.

@description('Azure Bot resource name (globally unique).')
param botName string

@description('Name people see for the bot.')
param displayName string = 'Twilight CPD'

@description('The bot\'s Entra app registration (client) id: MICROSOFT_APP_ID.')
param appId string

@description('The Entra tenant of that app registration: MICROSOFT_APP_TENANT_ID.')
param appTenantId string

@description('The web app\'s host name; Teams posts activities to https://<host>/api/messages.')
param hostName string

@description('F0 is free and unlimited for the Teams channel (a standard channel).')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

@description('Application Insights instrumentation key for the bot\'s channel telemetry.')
param appInsightsInstrumentationKey string = ''

@description('Application Insights application id.')
param appInsightsAppId string = ''

param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: appTenantId
    developerAppInsightKey: appInsightsInstrumentationKey
    developerAppInsightsApplicationId: appInsightsAppId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output botName string = bot.name
output messagingEndpoint string = bot.properties.endpoint
output teamsChannel string = teams.name
