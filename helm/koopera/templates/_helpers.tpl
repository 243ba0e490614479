{{/* Chart name, at most 63 characters. */}}
{{- define "koopera.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name: the release name, with the chart name unless the release already has it. */}}
{{- define "koopera.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "koopera.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The recommended labels of every resource. */}}
{{- define "koopera.labels" -}}
helm.sh/chart: {{ include "koopera.chart" . }}
app.kubernetes.io/name: {{ include "koopera.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: koopera
{{- end }}

{{/* Selects the release's pods of any component. */}}
{{- define "koopera.selectorLabels" -}}
app.kubernetes.io/name: {{ include "koopera.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Selects the application server pods (not the migration Job or the test Pod). */}}
{{- define "koopera.serverSelectorLabels" -}}
{{ include "koopera.selectorLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{- define "koopera.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "koopera.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "koopera.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* Secret with the JWT keys, the admin password and the SMTP password: the chart's own or existingSecret. */}}
{{- define "koopera.secretName" -}}
{{- default (include "koopera.fullname" .) .Values.existingSecret }}
{{- end }}

{{/* Name of the CloudNativePG Cluster; the operator creates Secret <name>-app and Service <name>-rw. */}}
{{- define "koopera.cnpgName" -}}
{{- printf "%s-db" (include "koopera.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "koopera.databaseUrl" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}
{{- printf "jdbc:postgresql://%s-rw:5432/koopera" (include "koopera.cnpgName" .) }}
{{- else }}
{{- with .Values.externalDatabase }}
{{- printf "jdbc:postgresql://%s:%d/%s" .host (int .port) .database }}
{{- end }}
{{- end }}
{{- end }}

{{- define "koopera.databasePort" -}}
{{- if .Values.postgresql.cloudnativepg.enabled }}5432{{ else }}{{ .Values.externalDatabase.port }}{{ end }}
{{- end }}

{{/* Non-secret settings, shared by the ConfigMap (server pods) and the migration Job. */}}
{{- define "koopera.config" -}}
MICRONAUT_ENVIRONMENTS: prod
KOOPERA_API_PORT: "8081"
KOOPERA_UI_PORT: "8080"
KOOPERA_BASE_DOMAIN: {{ .Values.baseDomain | quote }}
KOOPERA_DATA_DIR: /tmp/koopera
KOOPERA_LOG_FORMAT: json
KOOPERA_DATABASE_POOL_SIZE: {{ .Values.databasePoolSize | quote }}
KOOPERA_SHUTDOWN_GRACE_PERIOD: {{ printf "%ds" (int .Values.shutdown.gracePeriodSeconds) | quote }}
KOOPERA_LOGIN_LIST_ASSOCIATIONS: {{ .Values.login.listAssociations | quote }}
DATASOURCES_DEFAULT_URL: {{ include "koopera.databaseUrl" . | quote }}
{{- if .Values.ingress.enabled }}
{{- /* behind the ingress every client would otherwise share its address in the login limits */}}
KOOPERA_PROXY_FORWARDED_FOR: "true"
{{- end }}
{{- if not .Values.postgresql.cloudnativepg.enabled }}
DATASOURCES_DEFAULT_USERNAME: {{ .Values.externalDatabase.username | quote }}
{{- end }}
{{- with .Values.smtp }}
{{- if .host }}
KOOPERA_MAIL_SMTP_HOST: {{ .host | quote }}
KOOPERA_MAIL_SMTP_PORT: {{ .port | quote }}
KOOPERA_MAIL_SMTP_USERNAME: {{ .username | quote }}
KOOPERA_MAIL_FROM: {{ .from | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* Environment variables read from Secrets, shared by the server pods and the migration Job. */}}
{{- define "koopera.secretEnv" -}}
{{- $secret := include "koopera.secretName" . -}}
- name: KOOPERA_JWT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: KOOPERA_JWT_SECRET
- name: KOOPERA_JWT_PREVIOUS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: KOOPERA_JWT_PREVIOUS_SECRET
      optional: true
- name: KOOPERA_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: KOOPERA_ADMIN_PASSWORD
      optional: true
- name: KOOPERA_METRICS_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: KOOPERA_METRICS_TOKEN
      optional: true
{{- if .Values.smtp.host }}
- name: KOOPERA_MAIL_SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: KOOPERA_MAIL_SMTP_PASSWORD
      optional: true
{{- end }}
{{- if .Values.postgresql.cloudnativepg.enabled }}
- name: DATASOURCES_DEFAULT_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "koopera.cnpgName" . }}-app
      key: username
- name: DATASOURCES_DEFAULT_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "koopera.cnpgName" . }}-app
      key: password
{{- else if .Values.externalDatabase.existingSecret }}
- name: DATASOURCES_DEFAULT_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.externalDatabase.existingSecret }}
      key: {{ .Values.externalDatabase.existingSecretPasswordKey }}
{{- else }}
- name: DATASOURCES_DEFAULT_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: DATASOURCES_DEFAULT_PASSWORD
{{- end }}
{{- end }}

{{/*
Whether the migration runs as a pre-install hook. A CloudNativePG Cluster is an ordinary chart resource, created
only after the pre-install hooks, so with it the first install lets the server pods migrate the empty database
themselves (Liquibase's lock serialises them) and the hook Job migrates from the first upgrade on.
*/}}
{{- define "koopera.migrateOnInstall" -}}
{{- if and .Values.migration.enabled (not .Values.postgresql.cloudnativepg.enabled) }}true{{ end }}
{{- end }}

{{- define "koopera.migrationsMode" -}}
{{- if or (not .Values.migration.enabled) (and .Release.IsInstall (not (include "koopera.migrateOnInstall" .))) }}RUN{{ else }}CHECK{{ end }}
{{- end }}

{{/* The writable /tmp every container needs under a read-only root file system. */}}
{{- define "koopera.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end }}
