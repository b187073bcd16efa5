// Azure Container Registry for the bot's image. No admin user: the web app pulls with its
// managed identity (AcrPull, given in access.bicep); `az acr build` pushes with your own login.

@description('Azure region.')
param location string

@description('Registry name (globally unique, 5-50 letters and digits).')
param registryName string

param tags object = {}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  tags: tags
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
  }
}

output registryName string = registry.name
output registryId string = registry.id
output loginServer string = registry.properties.loginServer
