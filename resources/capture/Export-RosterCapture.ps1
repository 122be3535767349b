#Requires -Version 5.1
#Requires -Modules Microsoft.Graph.Authentication, Microsoft.Graph.Applications, Microsoft.Graph.Users, Microsoft.Graph.Groups, Microsoft.Graph.Identity.DirectoryManagement, Microsoft.Graph.Reports

<#
.SYNOPSIS
Exports what Roster needs to audit the Sentry enterprise app, for an auditor who has no access.

.DESCRIPTION
Reads, with the Microsoft Graph PowerShell SDK, the Sentry enterprise app's service principal, its app
role assignments, the assigned users and groups, each assigned group's direct members (and its
transitive members when it contains nested groups), the provisioning job, its schema, its scope
setting and the recent provisioning logs. With -SentryScimUrl it also downloads every page of Sentry's
SCIM /Users and /Groups. Everything goes to one folder that `roster import FOLDER` reads.

The folder holds no secrets: of the provisioning secrets only the SyncAll setting is written, and the
Sentry token is never written.

.PARAMETER AppId
The application (client) id of the Sentry enterprise app.

.PARAMETER OutputFolder
The folder to write to; created when missing, and it must be empty.

.PARAMETER SentryScimUrl
Sentry's "SCIM Base URL" (Settings > Auth > SCIM Information), e.g.
https://sentry.io/api/0/organizations/contoso/scim/v2. The SCIM token is read from the environment
variable ROSTER_SENTRY_TOKEN, or asked for.

.PARAMETER LogDays
How many days of provisioning logs to export (Entra keeps 7 days on free tenants, 30 with P1/P2).

.EXAMPLE
Connect-MgGraph -Scopes Application.Read.All,User.Read.All,GroupMember.Read.All,Synchronization.Read.All,AuditLog.Read.All,Directory.Read.All
.\Export-RosterCapture.ps1 -AppId 8f1e2d3c-4b5a-4697-a8b9-0c1d2e3f4a02 -OutputFolder .\sentry-capture -SentryScimUrl https://sentry.io/api/0/organizations/contoso/scim/v2
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [guid] $AppId,
    [Parameter(Mandatory = $true)] [string] $OutputFolder,
    [string] $SentryScimUrl,
    [ValidateRange(1, 30)] [int] $LogDays = 7
)

$ErrorActionPreference = 'Stop'
$CaptureFormat = 1
$StartedAt = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')

# The properties Roster's live capture selects; accountEnabled and the others are returned only when selected.
$UserProperties = @('id', 'userPrincipalName', 'mail', 'proxyAddresses', 'otherMails', 'givenName', 'surname', 'displayName', 'accountEnabled', 'employeeId', 'userType', 'onPremisesImmutableId')
$GroupProperties = @('id', 'displayName', 'securityEnabled', 'mailEnabled', 'groupTypes')
$MemberProperties = $UserProperties + @('securityEnabled', 'mailEnabled', 'groupTypes')

function Write-Export {
    param([string] $Name, $Value)
    $path = Join-Path $OutputFolder $Name
    # -InputObject keeps a one-element array an array; -Depth reaches the schema's nested mappings.
    $json = ConvertTo-Json -InputObject $Value -Depth 32
    [System.IO.File]::WriteAllText($path, $json, (New-Object System.Text.UTF8Encoding $false))
    Write-Host "Wrote $Name"
}

function Test-NotFound {
    param($ErrorRecord)
    return "$($ErrorRecord.Exception.Message) $($ErrorRecord.FullyQualifiedErrorId)" -match 'Request_ResourceNotFound|NotFound|404'
}

if (Test-Path $OutputFolder) {
    if (Get-ChildItem -Path $OutputFolder -Force | Select-Object -First 1) { throw "Output folder $OutputFolder is not empty. Choose a new folder so exports of different times do not mix." }
} else {
    New-Item -ItemType Directory -Path $OutputFolder | Out-Null
}

if (-not (Get-MgContext)) {
    Connect-MgGraph -Scopes 'Application.Read.All', 'User.Read.All', 'GroupMember.Read.All', 'Synchronization.Read.All', 'AuditLog.Read.All', 'Directory.Read.All' -NoWelcome
}

# Tenant and enterprise app.
$organization = @(Get-MgOrganization)
Write-Export 'organization.json' $organization

$servicePrincipal = @(Get-MgServicePrincipal -Filter "appId eq '$AppId'" -Property 'id', 'appId', 'displayName', 'appRoleAssignmentRequired', 'appRoles')
if ($servicePrincipal.Count -ne 1) { throw "Expected one service principal with appId $AppId, found $($servicePrincipal.Count). Check the app id in Enterprise applications > Sentry > Properties." }
$spId = $servicePrincipal[0].Id
Write-Export 'service-principal.json' $servicePrincipal

# Assignments, then the assigned groups with their members and the assigned users.
$assignments = @(Get-MgServicePrincipalAppRoleAssignedTo -ServicePrincipalId $spId -All)
Write-Export 'app-role-assignments.json' $assignments

$groups = @()
foreach ($id in @($assignments | Where-Object { $_.PrincipalType -eq 'Group' } | ForEach-Object { $_.PrincipalId } | Sort-Object -Unique)) {
    try {
        $groups += Get-MgGroup -GroupId $id -Property $GroupProperties
    } catch {
        if (-not (Test-NotFound $_)) { throw }
        # Roster records an assigned group that is in no file as deleted, as its live capture does on a 404.
        Write-Warning "Assigned group $id no longer exists; it is left out."
        continue
    }
    $members = @(Get-MgGroupMember -GroupId $id -All -Property $MemberProperties)
    Write-Export "group-members.$id.json" $members

    # Entra provisions direct members only; transitive members show who is reachable only through nesting.
    if ($members | Where-Object { $_.AdditionalProperties['@odata.type'] -eq '#microsoft.graph.group' }) {
        $transitive = @(Get-MgGroupTransitiveMember -GroupId $id -All -Property $MemberProperties)
        Write-Export "group-transitive-members.$id.json" $transitive
    }
}
Write-Export 'groups.json' $groups

$users = @()
foreach ($id in @($assignments | Where-Object { $_.PrincipalType -eq 'User' } | ForEach-Object { $_.PrincipalId } | Sort-Object -Unique)) {
    try {
        $users += Get-MgUser -UserId $id -Property $UserProperties
    } catch {
        if (-not (Test-NotFound $_)) { throw }
        Write-Warning "Assigned user $id no longer exists; it is left out."
    }
}
Write-Export 'users.json' $users

# Provisioning: job, schema, scope setting and logs. Each may be denied; Roster then marks it unavailable.
try {
    $jobs = @(Get-MgServicePrincipalSynchronizationJob -ServicePrincipalId $spId)
    Write-Export 'provisioning-jobs.json' $jobs
    if ($jobs.Count -gt 0) {
        $schema = Get-MgServicePrincipalSynchronizationJobSchema -ServicePrincipalId $spId -SynchronizationJobId $jobs[0].Id
        Write-Export 'provisioning-schema.json' $schema
    }
} catch {
    Write-Warning "Provisioning job or schema not exported: $($_.Exception.Message)"
}

try {
    $secrets = Invoke-MgGraphRequest -Method GET -Uri "v1.0/servicePrincipals/$spId/synchronization/secrets"
    # The other keys hold Sentry's SCIM URL and token, so only SyncAll is kept.
    $syncAll = @($secrets.value | Where-Object { $_.key -eq 'SyncAll' } | ForEach-Object { [ordered]@{ key = 'SyncAll'; value = "$($_.value)" } })
    if ($syncAll.Count -gt 0) { Write-Export 'provisioning-scope.json' ([ordered]@{ value = $syncAll }) }
} catch {
    Write-Warning "Provisioning scope setting not exported: $($_.Exception.Message)"
}

try {
    $since = (Get-Date).ToUniversalTime().AddDays(-$LogDays).ToString('yyyy-MM-ddTHH:mm:ssZ')
    $logs = @(Get-MgAuditLogProvisioning -Filter "servicePrincipal/id eq '$spId' and activityDateTime gt $since" -All)
    Write-Export 'provisioning-logs.json' $logs
} catch {
    Write-Warning "Provisioning logs not exported (they need AuditLog.Read.All and Entra ID P1 or P2): $($_.Exception.Message)"
}

# Sentry: every page of /Users and /Groups, as Sentry sends them.
function Get-ScimPages {
    param([string] $Resource, [hashtable] $Headers)
    $pages = @()
    $startIndex = 1
    do {
        $page = Invoke-RestMethod -Method Get -Uri "$($SentryScimUrl.TrimEnd('/'))/$($Resource)?startIndex=$startIndex&count=100" -Headers $Headers
        $pages += $page
        $received = @($page.Resources).Count
        $startIndex += $received
    } while ($received -gt 0 -and $startIndex -le $page.totalResults)
    return , $pages
}

if ($SentryScimUrl) {
    $token = $env:ROSTER_SENTRY_TOKEN
    if (-not $token) {
        $secure = Read-Host -AsSecureString 'Sentry SCIM token (Settings > Auth > SCIM Information)'
        $token = [System.Runtime.InteropServices.Marshal]::PtrToStringBSTR([System.Runtime.InteropServices.Marshal]::SecureStringToBSTR($secure))
    }
    $headers = @{ Authorization = "Bearer $token" }
    Write-Export 'sentry-users.json' (Get-ScimPages -Resource 'Users' -Headers $headers)
    Write-Export 'sentry-teams.json' (Get-ScimPages -Resource 'Groups' -Headers $headers)
}

Write-Export 'capture-info.json' ([ordered]@{
        rosterCapture     = $CaptureFormat
        tenantId          = $organization[0].Id
        sentryScimBaseUrl = $(if ($SentryScimUrl) { $SentryScimUrl.TrimEnd('/') } else { $null })
        capturedAt        = $StartedAt
        capturedBy        = "$env:USERDOMAIN\$env:USERNAME"
    })
Write-Host "Done. Hand the folder $OutputFolder to the auditor; they run: roster import $OutputFolder"
