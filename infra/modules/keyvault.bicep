// Key Vault for the bot's secrets. RBAC mode: the app's managed identity reads secrets through
// the Key Vault Secrets User role (given in access.bicep). A secret is written here only when a
// value is passed, so a redeploy with empty parameters never overwrites a secret that was set or
// rotated with `az keyvault secret set`.

@description('Azure region.')
param location string

@description('Key Vault name (globally unique, 3-24 characters).')
param vaultName string

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('The Entra app registration client secret of the Azure Bot (MICROSOFT_APP_PASSWORD). Empty: leave the vault as it is.')
@secure()
param botAppPassword string = ''

@description('The Slack app\'s Bot User OAuth Token, xoxb-... (SLACK_BOT_TOKEN). Empty: leave the vault as it is.')
@secure()
param slackBotToken string = ''

@description('The Slack app\'s Signing Secret (SLACK_SIGNING_SECRET). Empty: leave the vault as it is.')
@secure()
param slackSigningSecret string = ''

param tags object = {}

/** Secret names: docs/deploy.md uses the same names in its `az keyvault secret set` lines. */
var secretNames = {
  botAppPassword: 'microsoft-app-password'
  slackBotToken: 'slack-bot-token'
  slackSigningSecret: 'slack-signing-secret'
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    publicNetworkAccess: 'Enabled'
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: secretNames.botAppPassword
  properties: {
    value: botAppPassword
  }
}

resource slackBotTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(slackBotToken)) {
  parent: vault
  name: secretNames.slackBotToken
  properties: {
    value: slackBotToken
  }
}

resource slackSigningSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(slackSigningSecret)) {
  parent: vault
  name: secretNames.slackSigningSecret
  properties: {
    value: slackSigningSecret
  }
}

output vaultName string = vault.name
output vaultId string = vault.id
output vaultUri string = vault.properties.vaultUri
// Versionless secret URIs: an app setting that references one always gets the latest version
// (App Service refreshes references within 24 hours, or at once on restart).
output botAppPasswordSecretUri string = '${vault.properties.vaultUri}secrets/${secretNames.botAppPassword}'
output slackBotTokenSecretUri string = '${vault.properties.vaultUri}secrets/${secretNames.slackBotToken}'
output slackSigningSecretSecretUri string = '${vault.properties.vaultUri}secrets/${secretNames.slackSigningSecret}'
