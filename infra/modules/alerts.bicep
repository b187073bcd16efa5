// Watching it (docs/deploy.md, "Watching it"): three alerts on the figures the app sends to
// Application Insights (src/telemetry/twilight-metrics.ts) and on App Service's health check, an
// action group that e-mails the address the deployer gives, and a workbook with the same figures.

@description('Azure region of the alert rules and the workbook (the action group is global).')
param location string

@description('Name prefix for the alert rules, the action group and the workbook.')
param namePrefix string

@description('Application Insights component the app sends its telemetry to.')
param appInsightsName string

@description('Resource id of the web app (its HealthCheckStatus metric is /readyz as App Service sees it).')
param appId string

@description('The address alerts are e-mailed to.')
param alertEmail string

param tags object = {}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'twilight'
    enabled: true
    emailReceivers: [
      {
        name: 'deployer'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// The oldest due message has waited more than 10 minutes: the dispatcher is stopped, stuck or throttled.
resource outboxAlert 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${namePrefix}-outbox-backed-up'
  location: location
  tags: tags
  properties: {
    displayName: 'Twilight: the oldest due message has waited more than 10 minutes'
    description: 'twilight.outbox.oldest_due_age above 600 s. docs/deploy.md, "Watching it".'
    severity: 2
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "twilight.outbox.oldest_due_age" | summarize oldestDueSeconds = max(valueMax) by bin(timestamp, 5m)'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'oldestDueSeconds'
          operator: 'GreaterThan'
          threshold: 600
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// More than 5 % of the messages that ended in the last 15 minutes failed for good.
resource failureAlert 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${namePrefix}-messages-failing'
  location: location
  tags: tags
  properties: {
    displayName: 'Twilight: more than 5 % of messages failed in 15 minutes'
    description: 'twilight.messages.failed / (sent + failed) above 5 % over 15 minutes. docs/deploy.md, "Watching it".'
    severity: 2
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name in ("twilight.messages.sent", "twilight.messages.failed") | summarize sent = sumif(valueSum, name == "twilight.messages.sent"), failed = sumif(valueSum, name == "twilight.messages.failed") | extend failurePercent = iff(sent + failed == 0, 0.0, 100.0 * failed / (sent + failed))'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'failurePercent'
          operator: 'GreaterThan'
          threshold: 5
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// App Service's health check calls /readyz (the store must take a write); below 100 % it is failing.
resource readinessAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-readiness-failing'
  location: 'global'
  tags: tags
  properties: {
    description: 'HealthCheckStatus (/readyz) below 100 % for 5 minutes. docs/deploy.md, "Watching it".'
    severity: 1
    enabled: true
    scopes: [
      appId
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'readyz'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.Web/sites'
          metricName: 'HealthCheckStatus'
          timeAggregation: 'Average'
          operator: 'LessThan'
          threshold: 100
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// The same figures as `status` in chat and `twilight status`, over time.
var workbookItems = [
  {
    type: 1
    content: {
      json: '## Twilight: is it working?\nThe figures `status` shows a CPD lead, from Application Insights. What each alert means and what to do: docs/deploy.md, "Watching it".'
    }
  }
  {
    type: 3
    content: {
      version: 'KqlItem/1.0'
      title: 'Outbox: due now, and the oldest due message\'s wait (s; alert above 600)'
      query: 'customMetrics | where name in ("twilight.outbox.due", "twilight.outbox.oldest_due_age") | summarize value = max(valueMax) by name, bin(timestamp, 5m) | render timechart'
      queryType: 0
      resourceType: 'microsoft.insights/components'
      visualization: 'timechart'
    }
  }
  {
    type: 3
    content: {
      version: 'KqlItem/1.0'
      title: 'Messages sent, failed, throttled and expired, by platform'
      query: 'customMetrics | where name in ("twilight.messages.sent", "twilight.messages.failed", "twilight.messages.throttled", "twilight.messages.expired") | extend platform = tostring(customDimensions.platform) | summarize count = sum(valueSum) by series = strcat(name, " ", platform), bin(timestamp, 15m) | render timechart'
      queryType: 0
      resourceType: 'microsoft.insights/components'
      visualization: 'timechart'
    }
  }
  {
    type: 3
    content: {
      version: 'KqlItem/1.0'
      title: 'Failed messages, % of those that ended (alert above 5 % in 15 minutes)'
      query: 'customMetrics | where name in ("twilight.messages.sent", "twilight.messages.failed") | summarize sent = sumif(valueSum, name == "twilight.messages.sent"), failed = sumif(valueSum, name == "twilight.messages.failed") by bin(timestamp, 15m) | extend failurePercent = iff(sent + failed == 0, 0.0, 100.0 * failed / (sent + failed)) | project timestamp, failurePercent | render timechart'
      queryType: 0
      resourceType: 'microsoft.insights/components'
      visualization: 'timechart'
    }
  }
  {
    type: 3
    content: {
      version: 'KqlItem/1.0'
      title: 'Planner: the oldest due wake-up\'s wait (s), and changes waiting'
      query: 'customMetrics | where name in ("twilight.planner.lag", "twilight.planner.changes_waiting") | summarize value = max(valueMax) by name, bin(timestamp, 5m) | render timechart'
      queryType: 0
      resourceType: 'microsoft.insights/components'
      visualization: 'timechart'
    }
  }
  {
    type: 3
    content: {
      version: 'KqlItem/1.0'
      title: 'Answers stored in the last 24 hours, and Cosmos DB request units spent'
      query: 'customMetrics | where name in ("twilight.answers.stored_last_day", "twilight.cosmos.request_units") | summarize value = iff(name == "twilight.cosmos.request_units", sum(valueSum), max(valueMax)) by name, bin(timestamp, 1h) | render timechart'
      queryType: 0
      resourceType: 'microsoft.insights/components'
      visualization: 'timechart'
    }
  }
]

resource workbook 'Microsoft.Insights/workbooks@2022-04-01' = {
  name: guid(resourceGroup().id, namePrefix, 'twilight-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Twilight: is it working?'
    category: 'workbook'
    sourceId: appInsights.id
    serializedData: string({
      version: 'Notebook/1.0'
      items: workbookItems
      isLocked: false
    })
  }
}

output actionGroupId string = actionGroup.id
output workbookId string = workbook.id
