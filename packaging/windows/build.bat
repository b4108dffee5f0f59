@echo off
rem Double-clickable wrapper of build.ps1 (same folder).
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1" %*
if errorlevel 1 pause
