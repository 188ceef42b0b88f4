variable "name" {
  description = "Name prefix of the SNS topic and alarms (e.g. btg-prod)."
  type        = string
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the SNS topic; CloudWatch must be allowed to use it."
  type        = string
}

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the alarm topic (each must confirm the subscription)."
  type        = list(string)
  default     = []
}

variable "alb_arn_suffix" {
  description = "ARN suffix of the ALB (LoadBalancer dimension)."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "ARN suffix of the target group (TargetGroup dimension)."
  type        = string
}

variable "ecs_cluster_name" {
  description = "Name of the ECS cluster (ClusterName dimension)."
  type        = string
}

variable "ecs_service_name" {
  description = "Name of the ECS service (ServiceName dimension)."
  type        = string
}

variable "docdb_cluster_identifier" {
  description = "Identifier of the DocumentDB cluster (DBClusterIdentifier dimension)."
  type        = string
}

variable "docdb_instance_identifiers" {
  description = "Identifiers of the DocumentDB instances (DBInstanceIdentifier dimension); memory and connections are per instance."
  type        = list(string)
}

variable "http_5xx_threshold" {
  description = "5xx answers (ALB-generated plus target-generated) in 5 minutes that raise the alarm."
  type        = number
  default     = 10
}

variable "latency_p99_threshold_seconds" {
  description = "p99 target response time, in seconds, above which (3 minutes running) the alarm fires."
  type        = number
  default     = 1.5
}

variable "ecs_cpu_threshold_percent" {
  description = "Average service CPU utilisation that raises the alarm (above the autoscaling target: scaling is not keeping up)."
  type        = number
  default     = 85
}

variable "ecs_memory_threshold_percent" {
  description = "Average service memory utilisation that raises the alarm."
  type        = number
  default     = 85
}

variable "docdb_cpu_threshold_percent" {
  description = "DocumentDB instance CPU utilisation that raises the alarm."
  type        = number
  default     = 80
}

variable "docdb_freeable_memory_threshold_bytes" {
  description = "DocumentDB instance freeable memory below which the alarm fires (default 512 MiB)."
  type        = number
  default     = 536870912
}

variable "docdb_connections_threshold" {
  description = "Open connections per DocumentDB instance that raise the alarm (size it to the instance class's limit)."
  type        = number
  default     = 1000
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the API's business metrics (EMF from the ADOT collector)."
  type        = string
}

variable "outbox_pending_threshold" {
  description = "Notifications waiting in the outbox (maximum over 5 minutes, 15 minutes running) that raise the alarm."
  type        = number
  default     = 100
}

variable "failed_notifications_threshold" {
  description = "Notifications given up for good in 15 minutes that raise the alarm (0: any)."
  type        = number
  default     = 0
}

variable "ledger_conflicts_threshold" {
  description = "Lost ledger-append races (each retried) in 5 minutes, twice running, that raise the alarm."
  type        = number
  default     = 50
}

variable "outcome_unknown_threshold" {
  description = "Money requests answered 504 OUTCOME_UNKNOWN in 5 minutes that raise the alarm (0: any)."
  type        = number
  default     = 0
}

variable "rate_limited_threshold" {
  description = "Answers 429 in 5 minutes that raise the alarm."
  type        = number
  default     = 200
}
