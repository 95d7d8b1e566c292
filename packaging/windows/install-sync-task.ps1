# Return Inspector: run "inspector sync" as a Windows scheduled task that starts with the computer and
# is restarted when it stops, so the station's records reach the central database also when nobody is
# logged in at the station. Run in an elevated PowerShell on the station PC:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\install-sync-task.ps1 `
#       -App "C:\Program Files\ReturnInspector\inspector.exe" -DataDir "C:\ProgramData\ReturnInspector" `
#       -User "STATION01\inspector"
#
# The task runs as -User (give its password when asked; the account needs "Log on as a batch job"), with
# INSPECTOR_DATA_DIR set by the command line below. Check it with:
#   Get-ScheduledTask -TaskName "Return Inspector sync" | Get-ScheduledTaskInfo
#   Get-Content "$DataDir\logs\inspector.log" -Tail 20
# Remove it with: Unregister-ScheduledTask -TaskName "Return Inspector sync" -Confirm:$false
param(
    [Parameter(Mandatory = $true)][string]$App,
    [Parameter(Mandatory = $true)][string]$DataDir,
    [Parameter(Mandatory = $true)][string]$User,
    [string]$TaskName = "Return Inspector sync"
)
$ErrorActionPreference = "Stop"
if (-not (Test-Path $App)) { throw "No Return Inspector at $App" }
$action = New-ScheduledTaskAction -Execute $App -Argument "--data-dir `"$DataDir`" sync"
$trigger = New-ScheduledTaskTrigger -AtStartup
# Restart every minute after a failure (at most 999 times), never stop it for running long, keep one copy.
$settings = New-ScheduledTaskSettingsSet -RestartInterval (New-TimeSpan -Minutes 1) -RestartCount 999 `
    -ExecutionTimeLimit ([TimeSpan]::Zero) -MultipleInstances IgnoreNew -StartWhenAvailable `
    -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
$credential = Get-Credential -UserName $User -Message "Password of the account the sync runs as"
Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Settings $settings `
    -User $User -Password $credential.GetNetworkCredential().Password -RunLevel Limited -Force | Out-Null
Start-ScheduledTask -TaskName $TaskName
Write-Host "Scheduled task '$TaskName' installed and started: $App --data-dir `"$DataDir`" sync"
