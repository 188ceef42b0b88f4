variable "name" {
  description = "Name prefix of the cluster, service, roles and log group (e.g. btg-prod)."
  type        = string
}

variable "region" {
  description = "AWS region, for the awslogs driver."
  type        = string
}

variable "vpc_id" {
  description = "Id of the VPC the tasks run in."
  type        = string
}

variable "private_subnet_ids" {
  description = "Ids of the private subnets (two AZs) the tasks run in; they have no public IP."
  type        = list(string)
}

variable "alb_security_group_id" {
  description = "Security group of the ALB; the only source allowed to reach the container port."
  type        = string
}

variable "target_group_arn" {
  description = "ARN of the ALB target group the service registers its tasks in."
  type        = string
}

variable "alb_arn_suffix" {
  description = "ARN suffix of the ALB, for request-count autoscaling."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "ARN suffix of the target group, for request-count autoscaling."
  type        = string
}

variable "database_security_group_id" {
  description = "Security group of the DocumentDB cluster; the module lets the tasks (and only them) connect to it on database_port."
  type        = string
}

variable "database_port" {
  description = "TCP port of the database."
  type        = number
  default     = 27017
}

variable "smtp_port" {
  description = "TCP port of the SMTP relay the app sends e-mail through (587 submission or 465 SMTPS)."
  type        = number
  default     = 587
}

variable "image" {
  description = "Full image reference of the API (ECR repository URL and immutable tag, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/btg-funds-api:1.4.2)."
  type        = string
}

variable "cpu_architecture" {
  description = "CPU architecture the image was built for: X86_64 or ARM64."
  type        = string
  default     = "X86_64"
}

variable "adot_image" {
  description = "Image of the AWS Distro for OpenTelemetry collector sidecar, pinned to a version."
  type        = string
  default     = "public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0"
}

variable "task_cpu" {
  description = "Task CPU units (1024 = 1 vCPU), shared by the API and the collector."
  type        = number
  default     = 512
}

variable "task_memory" {
  description = "Task memory in MiB, shared by the API and the collector."
  type        = number
  default     = 1024
}

variable "collector_memory_reservation" {
  description = "Memory (MiB) reserved for the ADOT collector inside the task."
  type        = number
  default     = 128
}

variable "desired_count" {
  description = "Tasks started on creation; afterwards autoscaling owns the count."
  type        = number
  default     = 2
}

variable "min_capacity" {
  description = "Fewest tasks autoscaling keeps (two spread over both AZs survive the loss of one)."
  type        = number
  default     = 2
}

variable "max_capacity" {
  description = "Most tasks autoscaling may run."
  type        = number
  default     = 10
}

variable "cpu_target_percent" {
  description = "Average service CPU utilisation autoscaling aims for."
  type        = number
  default     = 60
}

variable "requests_per_target" {
  description = "ALB requests per minute per task autoscaling aims for."
  type        = number
  default     = 1000
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the service's log group."
  type        = string
}

variable "log_retention_days" {
  description = "Retention, in days, of the container logs."
  type        = number
  default     = 365
}

variable "secrets_kms_key_arn" {
  description = "ARN of the KMS key the secrets are encrypted with; the execution role may decrypt with it."
  type        = string
}

variable "database_secret_arn" {
  description = "ARN of the DocumentDB secret; its JSON key uri becomes MONGODB_URI."
  type        = string
}

variable "jwt_private_key_secret_arn" {
  description = "ARN of the secret whose plain value becomes JWT_PRIVATE_KEY."
  type        = string
}

variable "smtp_secret_arn" {
  description = "ARN of the SMTP secret; its JSON key url becomes SMTP_URL."
  type        = string
}

variable "twilio_secret_arn" {
  description = "ARN of the Twilio secret; JSON keys account_sid, auth_token, from become TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM."
  type        = string
}

variable "admin_secret_arn" {
  description = "ARN of the first-admin secret (JSON keys email, password → ADMIN_EMAIL, ADMIN_PASSWORD), or null to create no admin."
  type        = string
  default     = null
}

variable "mongodb_db" {
  description = "MONGODB_DB: database name the app uses."
  type        = string
  default     = "btg"
}

variable "cors_origins" {
  description = "CORS_ORIGINS: comma-separated browser origins allowed to call the API."
  type        = string
}

variable "smtp_from" {
  description = "SMTP_FROM: sender address of e-mail notifications."
  type        = string
}

variable "log_level" {
  description = "LOG_LEVEL of the app (fatal, error, warn, info, debug, trace)."
  type        = string
  default     = "info"
}

variable "bcrypt_cost" {
  description = "BCRYPT_COST: bcrypt work factor for password hashes (12 or more in production)."
  type        = number
  default     = 12
}

variable "extra_environment" {
  description = "Further plain (non-secret) environment variables for the API container."
  type        = map(string)
  default     = {}
}

variable "metrics_port" {
  description = "METRICS_PORT: the API serves /metrics there, on the task's loopback (127.0.0.1), for the collector; the load balancer and the security group never reach it."
  type        = number
  default     = 9464
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the API's business metrics (e.g. BTGFunds/prod); the alarms and the dashboard read it."
  type        = string
}

variable "metrics_scrape_interval_seconds" {
  description = "How often the collector scrapes /metrics (and so the resolution of the business metrics)."
  type        = number
  default     = 60
}
