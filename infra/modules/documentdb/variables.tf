variable "name" {
  description = "Name prefix of the cluster and its resources (e.g. btg-prod)."
  type        = string
}

variable "vpc_id" {
  description = "Id of the VPC the cluster lives in."
  type        = string
}

variable "subnet_ids" {
  description = "Ids of the private subnets (two AZs) for the cluster's subnet group."
  type        = list(string)
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the cluster storage, snapshots and log groups."
  type        = string
}

variable "secrets_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the database-credentials secret."
  type        = string
}

variable "engine_version" {
  description = "DocumentDB engine version (5.0.0 speaks MongoDB wire protocol 5.0, which the Node driver 7 accepts)."
  type        = string
  default     = "5.0.0"
}

variable "instance_class" {
  description = "Instance class of the cluster instances (db.t4g.medium for dev, db.r6g.large or bigger for prod)."
  type        = string
  default     = "db.r6g.large"
}

variable "instance_count" {
  description = "Number of instances: 1 writer plus replicas. Two or more spread over both AZs give automatic failover."
  type        = number
  default     = 2
}

variable "port" {
  description = "TCP port the cluster listens on."
  type        = number
  default     = 27017
}

variable "master_username" {
  description = "User name of the cluster's master user, which the application uses."
  type        = string
  default     = "btgapp"
}

variable "database_name" {
  description = "Database the application uses (MONGODB_DB); also the path of the connection URI."
  type        = string
  default     = "btg"
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time restore window), 7-35."
  type        = number
  default     = 14
}

variable "preferred_backup_window" {
  description = "Daily UTC window for automated backups (hh24:mi-hh24:mi)."
  type        = string
  default     = "06:00-07:00"
}

variable "preferred_maintenance_window" {
  description = "Weekly UTC maintenance window (ddd:hh24:mi-ddd:hh24:mi), outside the backup window."
  type        = string
  default     = "sun:07:30-sun:08:30"
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster (set false only to tear a non-production environment down)."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Delete the cluster without a final snapshot. Keep false anywhere data matters."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "Retention, in days, of the audit and profiler log groups."
  type        = number
  default     = 365
}

variable "profiler_threshold_ms" {
  description = "Operations slower than this many milliseconds are written to the profiler log."
  type        = number
  default     = 200
}

variable "tls_ca_file" {
  description = "Path, inside the container image, of the Amazon RDS/DocumentDB CA bundle (global-bundle.pem); written into the connection URI as tlsCAFile."
  type        = string
  default     = "/app/certs/global-bundle.pem"
}

variable "secret_recovery_window_in_days" {
  description = "Days a deleted credentials secret can still be restored (0 or 7-30)."
  type        = number
  default     = 30
}

variable "password_version" {
  description = "Bump to generate a new master password (see docs/deploy.md: database credentials rotation)."
  type        = number
  default     = 1
}
