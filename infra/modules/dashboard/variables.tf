variable "name" {
  description = "Name prefix of the environment (e.g. btg-prod); the dashboard is called <name>-api."
  type        = string
}

variable "region" {
  description = "AWS region of the metrics the widgets show."
  type        = string
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the API's business metrics (EMF from the ADOT collector)."
  type        = string
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

variable "alarm_arns" {
  description = "Alarms shown in the dashboard's alarm-status widget."
  type        = list(string)
  default     = []
}
