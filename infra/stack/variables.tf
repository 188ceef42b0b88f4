variable "environment" {
  description = "Name of the environment (dev, prod, …): prefixes every resource (btg-<environment>) and tags it."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "Use 2-10 lower-case letters or digits, starting with a letter (resource names are length-limited)."
  }
}

variable "region" {
  description = "AWS region of the environment."
  type        = string
  default     = "us-east-1"
}

variable "availability_zones" {
  description = "The two availability zones the environment spans."
  type        = list(string)
  default     = ["us-east-1a", "us-east-1b"]
}

variable "vpc_cidr" {
  description = "IPv4 CIDR of the environment's VPC."
  type        = string
}

variable "single_nat_gateway" {
  description = "One NAT gateway for both AZs (cheaper; egress depends on one AZ)."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ARN of the ACM certificate (same region) for the API's hostname, used by the HTTPS listener."
  type        = string
}

variable "image" {
  description = "Full reference of the API image to run: <account>.dkr.ecr.<region>.amazonaws.com/btg-funds-api:<tag>."
  type        = string
}

variable "cors_origins" {
  description = "Comma-separated browser origins allowed by CORS (CORS_ORIGINS)."
  type        = string
}

variable "smtp_from" {
  description = "Sender address of notification e-mails (SMTP_FROM)."
  type        = string
}

variable "log_level" {
  description = "Application log level (LOG_LEVEL)."
  type        = string
  default     = "info"
}

variable "enable_admin_bootstrap" {
  description = "Pass ADMIN_EMAIL / ADMIN_PASSWORD from a secret so that the app creates the first admin."
  type        = bool
  default     = false
}

variable "deletion_protection" {
  description = "Deletion protection of the ALB and the DocumentDB cluster. Set false only to destroy the environment."
  type        = bool
  default     = true
}

variable "docdb_instance_class" {
  description = "DocumentDB instance class."
  type        = string
  default     = "db.r6g.large"
}

variable "docdb_instance_count" {
  description = "Number of DocumentDB instances (1 = no failover replica)."
  type        = number
  default     = 2
}

variable "docdb_backup_retention_days" {
  description = "Days of DocumentDB point-in-time recovery."
  type        = number
  default     = 35
}

variable "docdb_password_version" {
  description = "Bump to rotate the DocumentDB master password (and the MONGODB_URI secret) in one apply; see docs/deploy.md."
  type        = number
  default     = 1
}

variable "task_cpu" {
  description = "CPU units per task (1024 = 1 vCPU)."
  type        = number
  default     = 1024
}

variable "task_memory" {
  description = "Memory per task, MiB."
  type        = number
  default     = 2048
}

variable "min_tasks" {
  description = "Fewest API tasks."
  type        = number
  default     = 2
}

variable "max_tasks" {
  description = "Most API tasks."
  type        = number
  default     = 10
}

variable "waf_rate_limit_per_5_minutes" {
  description = "Requests per client IP per 5 minutes before WAF blocks it."
  type        = number
  default     = 2000
}

variable "alarm_emails" {
  description = "E-mail addresses that receive alarm notifications."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Retention of every CloudWatch log group of the environment, in days."
  type        = number
  default     = 365
}
